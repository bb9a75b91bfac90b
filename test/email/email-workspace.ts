import { readFile } from 'node:fs/promises';
import { isBroken, type Message } from '../../src/workspace/index.js';
import type { FileTree } from '../helpers/temp-dir.js';
import { useTempWorkspaces } from '../helpers/temp-workspace.js';

export interface EmailYamlOptions {
  engine?: 'liquid' | 'handlebars';
  body?: string;
  subject?: string;
  preheader?: string;
  text?: string;
}

/** A message.yaml with an email section (double-quoted YAML strings: templates may use ' but not "). */
export function emailYaml(options: EmailYamlOptions = {}): string {
  return [
    'name: Test email',
    `engine: ${options.engine ?? 'liquid'}`,
    'email:',
    `  subject: "${options.subject ?? 'Hello'}"`,
    `  from: "Shop <shop@example.com>"`,
    `  body: ${options.body ?? 'email.mjml'}`,
    ...(options.preheader !== undefined ? [`  preheader: "${options.preheader}"`] : []),
    ...(options.text !== undefined ? [`  text: ${options.text}`] : []),
    '',
  ].join('\n');
}

/** `<mjml lang="en" dir="ltr">` with a title and `body` inside mj-body. */
export function mjmlDocument(body: string, head = '<mj-title>Test</mj-title>'): string {
  return `<mjml lang="en" dir="ltr">\n  <mj-head>\n    ${head}\n  </mj-head>\n  <mj-body>\n${body}\n  </mj-body>\n</mjml>\n`;
}

/** One mj-section/mj-column around `content`. */
export function section(content: string): string {
  return `    <mj-section>\n      <mj-column>\n        ${content}\n      </mj-column>\n    </mj-section>`;
}

export interface LoadedEmail {
  message: Message;
  /** Absolute path of `relative` (to the message folder). */
  path: (relative: string) => string;
  read: (relative: string) => Promise<string>;
  /** Project root (holds templates/). */
  root: string;
}

/** Call at the top of a test file: writes `templates/<id>/…` (and `../` beside it) into a temp project and loads the message. */
export function useEmailWorkspaces(): (files: FileTree, id?: string) => Promise<LoadedEmail> {
  const workspaces = useTempWorkspaces();
  return async (files, id = 'msg') => {
    const { project, result } = await workspaces.loadMessage(files, id);
    if (isBroken(result)) throw new Error(`message.yaml did not load: ${JSON.stringify(result.diagnostics)}`);
    const path = (relative: string) => project.path(`templates/${id}/${relative}`);
    return { message: result, path, read: (relative) => readFile(path(relative), 'utf8'), root: project.root };
  };
}
