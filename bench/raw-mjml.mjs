// The raw-MJML anchor of the validate benchmark: `node bench/raw-mjml.mjs <workspace>` compiles
// every <message>/email.mjml of the workspace with mjml2html, one after the other, mjml resolving
// the includes itself: what compiling the same emails costs without txkit.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import mjml2html from 'mjml';

const workspace = process.argv[2];
let emails = 0;
for (const entry of readdirSync(workspace, { withFileTypes: true })) {
  const file = path.join(workspace, entry.name, 'email.mjml');
  if (!entry.isDirectory() || !existsSync(file)) continue;
  await mjml2html(readFileSync(file, 'utf8'), { filePath: file, validationLevel: 'soft' });
  emails++;
}
process.stdout.write(`${emails}\n`);
