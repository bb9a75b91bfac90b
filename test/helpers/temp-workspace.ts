import path from 'node:path';
import { loadConfig, loadMessage, type BrokenMessage, type Message } from '../../src/workspace/index.js';
import { useTempDirs, type FileTree, type TempDir } from './temp-dir.js';

export interface LoadedMessage {
  /** The temp project root; the workspace is `<root>/templates`. */
  project: TempDir;
  /** The message folder, `<root>/templates/<id>`. */
  dir: string;
  result: Message | BrokenMessage;
}

export interface TempWorkspaces {
  /**
   * Writes one message folder `templates/<id>/` into a fresh temp project (file names relative
   * to the folder; `../` reaches beside it), then loads it the way the CLI does.
   */
  loadMessage(files: FileTree, id?: string): Promise<LoadedMessage>;
  /** A temp directory outside any project, for escape attempts to aim at. */
  outsideDir(files: FileTree): Promise<TempDir>;
}

/** Call at the top of a test file; everything it creates is removed after each test. */
export function useTempWorkspaces(): TempWorkspaces {
  const makeTempDir = useTempDirs();
  return {
    async loadMessage(files, id = 'msg') {
      const tree = Object.fromEntries(Object.entries(files).map(([relative, content]) => [path.posix.normalize(`templates/${id}/${relative}`), content]));
      const project = await makeTempDir(tree);
      const { config } = await loadConfig(project.root);
      const dir = path.join(config.workspace, id);
      return { project, dir, result: await loadMessage(dir, config) };
    },
    outsideDir: (files) => makeTempDir(files, 'txkit-outside-'),
  };
}

export interface GreetingYamlOptions {
  /** The message's `name:` (default `Welcome`). */
  name?: string;
  /** Writes `engine: liquid` explicitly (the default engine otherwise). */
  liquid?: boolean;
  /** The email body file (default `email.html`). */
  emailBody?: string;
  /** Adds an SMS channel: its body file and the number it goes to. */
  sms?: { body: string; to: string };
  /** Also declares `customer.email`, required, as an email address (what a test send needs). */
  customerEmail?: boolean;
  /** Adds `targets.customerio.transactionalMessageId`. */
  customerioId?: number;
}

/**
 * The message.yaml of the tests' one-attribute greeting: subject "Hello {{ customer.first_name }}"
 * from Shop, `customer.first_name` a required string. Its samples are `{ "customer": { "first_name": … } }`.
 */
export function greetingYaml(options: GreetingYamlOptions = {}): string {
  const { name = 'Welcome', liquid = false, emailBody = 'email.html', sms, customerEmail = false, customerioId } = options;
  return [
    `name: ${name}`,
    ...(liquid ? ['engine: liquid'] : []),
    'email:',
    '  subject: "Hello {{ customer.first_name }}"',
    '  from: "Shop <shop@example.com>"',
    `  body: ${emailBody}`,
    ...(sms ? ['sms:', `  body: ${sms.body}`, `  to: "${sms.to}"`] : []),
    'attributes:',
    '  customer:',
    '    first_name: { type: string, required: true }',
    ...(customerEmail ? ['    email: { type: string, required: true, format: email }'] : []),
    ...(customerioId === undefined ? [] : ['targets:', '  customerio:', `    transactionalMessageId: ${String(customerioId)}`]),
    '',
  ].join('\n');
}
