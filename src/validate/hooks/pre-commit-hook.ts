import { chmod, lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { isInside } from '../../workspace/index.js';
import path from 'node:path';
import { runGit } from '../git.js';

/** The command every hook integration runs: `--no` keeps npx from downloading some other "txkit". */
export const validateStagedCommand = 'npx --no -- txkit validate --staged';

/** Marks a hook as txkit's own, so installing again may replace it. */
const marker = '# txkit pre-commit hook';

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The pre-commit script. git runs hooks from the top of the working tree, so the script first
 * goes to the project folder (where txkit.config.yaml is), given relative to that top with `/`.
 * It runs the project's own txkit directly when installed (npx alone takes a few hundred ms
 * to start), else through npx.
 */
export function preCommitHookScript(projectDir: string, options: { workspace?: string } = {}): string {
  const workspace = options.workspace === undefined ? '' : ` --workspace ${shellQuote(options.workspace)}`;
  return [
    '#!/bin/sh',
    `${marker}: validates the staged messages (written by \`txkit hooks install\`; run it again to update)`,
    ...(projectDir === '' ? [] : [`cd ${shellQuote(projectDir)} || exit 1`]),
    `if [ -x node_modules/.bin/txkit ]; then exec node_modules/.bin/txkit validate --staged${workspace}; fi`,
    `exec ${validateStagedCommand}${workspace}`,
    '',
  ].join('\n');
}

export function isTxkitHook(script: string): boolean {
  return script.includes(marker);
}

/** A pre-commit hook txkit did not write is in the way. */
export class ForeignHookError extends Error {
  override readonly name = 'ForeignHookError';
  constructor(readonly file: string) {
    super(`${file} exists and was not written by txkit`);
  }
}

/** The hook file is a symbolic link leading out of the hooks folder: writing through it would change a file elsewhere. */
export class HookLinkError extends Error {
  override readonly name = 'HookLinkError';
  constructor(
    readonly file: string,
    readonly target: string,
  ) {
    super(`${file} is a symbolic link to ${target}, outside the hooks folder`);
  }
}

/** Refuses a pre-commit that is a link pointing out of the hooks folder (a cloned repository can ship one). */
async function checkNotLinkedOut(file: string, hooksDir: string): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isSymbolicLink()) return;
  const target = await realpath(file).catch(() => undefined);
  const realHooksDir = await realpath(hooksDir).catch(() => hooksDir);
  if (target === undefined || !isInside(realHooksDir, target)) throw new HookLinkError(file, target ?? 'a missing file');
}

export interface InstallResult {
  file: string;
  /** What was there before. */
  previous: 'nothing' | 'txkit' | 'foreign';
}

/**
 * Writes the pre-commit hook into git's hooks folder (`git rev-parse --git-path hooks`, which
 * honours core.hooksPath and worktrees). Replaces an earlier txkit hook; another one only with
 * `force`. `workspace` (relative to `cwd`) is passed on to the hook's `txkit validate`.
 */
export async function installPreCommitHook(options: { cwd: string; env?: NodeJS.ProcessEnv; force?: boolean; workspace?: string }): Promise<InstallResult> {
  const git = async (...args: string[]) => (await runGit(args, { cwd: options.cwd, ...(options.env ? { env: options.env } : {}) })).toString('utf8').trim();
  const hooksDir = path.resolve(options.cwd, await git('rev-parse', '--git-path', 'hooks'));
  const top = await realpath(await git('rev-parse', '--show-toplevel'));
  const projectDir = path
    .relative(top, await realpath(options.cwd))
    .split(path.sep)
    .join('/');
  const file = path.join(hooksDir, 'pre-commit');
  await checkNotLinkedOut(file, hooksDir);
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  const previous = existing === undefined ? 'nothing' : isTxkitHook(existing) ? 'txkit' : 'foreign';
  if (previous === 'foreign' && !options.force) throw new ForeignHookError(file);
  await mkdir(hooksDir, { recursive: true });
  await writeFile(file, preCommitHookScript(projectDir, options.workspace === undefined ? {} : { workspace: options.workspace }));
  await chmod(file, 0o755);
  return { file, previous };
}
