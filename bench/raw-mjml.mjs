// The raw-MJML anchor of the validate benchmark: `node bench/raw-mjml.mjs <workspace>` compiles
// every <message>/email.mjml of the workspace, and each translation beside it (email.fr.mjml),
// with mjml2html, one after the other, mjml resolving the includes itself: what compiling the
// same emails as `txkit validate` (which checks every language) costs without txkit.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mjml2html from 'mjml';

const workspace = process.argv[2];
let emails = 0;
/** email.mjml and its translations, email.<language>.mjml (`fr`, `fr-CA`). */
const emailFile = /^email(\.[a-z]{2,3}(-[A-Za-z0-9]{2,8})?)?\.mjml$/;
for (const entry of readdirSync(workspace, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const folder = path.join(workspace, entry.name);
  for (const name of readdirSync(folder)
    .filter((file) => emailFile.test(file))
    .sort()) {
    const file = path.join(folder, name);
    await mjml2html(readFileSync(file, 'utf8'), { filePath: file, validationLevel: 'soft' });
    emails++;
  }
}
process.stdout.write(`${emails}\n`);
