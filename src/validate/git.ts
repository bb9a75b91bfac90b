import { spawn } from 'node:child_process';

/** git failed (not a repository, git not installed, ...): a problem with where txkit runs, not with templates. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

/** Runs git and returns its stdout as bytes (file contents are bytes; decoding is the reader's job). */
/** `env`: git's environment (default: this process's), as the CLI run that asks was given. */
export function runGit(args: readonly string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv | undefined }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: options.cwd, stdio: 'pipe', ...(options.env ? { env: options.env } : {}) });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new GitError(error.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : error.message)),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else reject(new GitError(Buffer.concat(stderr).toString('utf8').trim() || `git ${args[0]} exited with code ${code}`));
    });
    // git may exit without reading its stdin (it needed none, or failed): its exit code tells, not EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}
