import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Appends `NAME=value` to the project's `.env` (created readable by its owner only), where
 * txkit reads credentials from: a secret the platform shows once (an ENS signature key) is kept
 * there instead of being printed. A later line wins, as Node's parser reads it.
 */
export async function appendEnvVariable(projectRoot: string, name: string, value: string, comment: string): Promise<string> {
  const file = path.join(projectRoot, '.env');
  const before = await readFile(file, 'utf8').catch(() => '');
  const separator = before === '' || before.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${separator}# ${comment}\n${name}=${value}\n`, { mode: 0o600 });
  return file;
}
