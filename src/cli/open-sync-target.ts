import path from 'node:path';
import { Option } from 'commander';
import type { Diagnostic } from '../diagnostics/index.js';
import { createEngines } from '../render/index.js';
import { PlatformError } from '../sync/platform-error.js';
import { loadEnvironment, redact, secretValues } from '../sync/secrets.js';
import type { SyncConnection, SyncTarget } from '../sync/sync-target.js';
import { syncTargetFor, syncTargetNames } from '../sync/targets.js';
import type { Message } from '../workspace/index.js';
import { findMessage, openWorkspace, type OpenedWorkspace, type WorkspaceOptions } from './open-workspace.js';
import { cliIo, colors, formatProblems, terminalSafe, writeErr, writeOut } from './terminal.js';
import { ExitCode, UsageError } from '../errors/usage-error.js';

export interface SyncOptions extends WorkspaceOptions {
  target: string;
  concurrency?: string;
  /** Seconds the whole command may take (push, diff, pull); send's own --timeout is its status wait. */
  timeout?: string;
}

/** `--target <platform>`: the platforms of the target registry. */
export function targetOption(): Option {
  return new Option('-t, --target <platform>', 'platform to sync with').choices(syncTargetNames()).makeOptionMandatory();
}

export function concurrencyOption(): Option {
  return new Option('--concurrency <n>', 'parallel requests to the platform').default('4');
}

/** `--timeout <seconds>`: a server that accepts the connection and never answers cannot hold the command forever. */
export function deadlineOption(): Option {
  return new Option('--timeout <seconds>', 'give up on the platform after this long in total').default('120');
}

/** A number of seconds (`--timeout`) in ms. */
export function secondsOption(name: string, value: string | undefined, fallback: number): number {
  const seconds = Number(value ?? fallback);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`${name} must be a number of seconds, got "${value}"`);
  return seconds * 1000;
}

/** Output of a sync command: every line passes through secret redaction first. */
export interface SyncOutput {
  out(text: string): void;
  err(text: string): void;
  diagnostics(diagnostics: readonly Diagnostic[]): void;
}

export function syncOutput(secrets: readonly string[]): SyncOutput {
  return {
    out: (text) => writeOut(redact(text, secrets)),
    err: (text) => writeErr(redact(text, secrets)),
    diagnostics: (diagnostics) => {
      if (diagnostics.length > 0) writeErr(redact(formatProblems(diagnostics), secrets));
    },
  };
}

export interface OpenedSync {
  opened: OpenedWorkspace;
  target: SyncTarget;
  connection: SyncConnection;
  /** The messages asked for (all when none was named) that loaded without errors. */
  messages: Message[];
  output: SyncOutput;
  concurrency: number;
}

function targetFor(name: string): SyncTarget {
  const target = syncTargetFor(name);
  if (!target) throw new UsageError(`unknown target "${name}"; targets: ${syncTargetNames().join(', ')}`);
  return target;
}

function concurrencyOf(value: string | undefined): number {
  const concurrency = Number(value ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32)
    throw new UsageError(`--concurrency must be a whole number from 1 to 32, got "${value}"`);
  return concurrency;
}

/**
 * What every sync command starts with: the workspace (the named messages, which must exist),
 * the environment with `.env`, and a connection to the target. Messages whose files have
 * errors are left out (their problems are printed); the platform never sees broken content.
 */
export async function openSyncTarget(
  options: SyncOptions,
  ids: readonly string[] = [],
  deadlineMs = secondsOption('--timeout', options.timeout, 120),
): Promise<OpenedSync> {
  const target = targetFor(options.target);
  const concurrency = concurrencyOf(options.concurrency);
  const deadline = AbortSignal.timeout(deadlineMs);
  const opened = await openWorkspace(options, ids);
  for (const id of ids) await findMessage(opened, id);
  const env = loadEnvironment(opened.config.projectRoot, cliIo().env);
  const secrets = secretValues(env);
  const output = syncOutput(secrets);
  output.diagnostics(opened.diagnostics);
  const messages = opened.workspace.messages.filter((message) => !message.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
  try {
    const connection = await target.connect({ config: opened.config, env, engines: createEngines(), secrets, concurrency, deadline });
    return { opened, target, connection, messages, output, concurrency };
  } catch (error) {
    // Nothing the platform or the environment said reaches the terminal unredacted.
    if (error instanceof UsageError) throw new UsageError(redact(error.message, secrets));
    if (error instanceof PlatformError) throw new PlatformError(redact(error.message, secrets), error.details);
    throw error;
  }
}

/**
 * A platform that could not be reached or refused a read: reported, exit 1 (no stack trace).
 * PlatformError messages are redacted where they are made (the HTTP client, openSyncTarget).
 */
export async function reportingPlatformErrors(action: () => Promise<ExitCode>): Promise<ExitCode> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    writeErr(`${colors.red('txkit:')} ${terminalSafe(error.message)}`);
    return ExitCode.problems;
  }
}

/** Whether a diagnostic belongs to the message (its message.yaml, templates or samples). */
export function concernsMessage(diagnostic: Diagnostic, message: { dir: string }): boolean {
  const relative = path.relative(message.dir, diagnostic.file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
