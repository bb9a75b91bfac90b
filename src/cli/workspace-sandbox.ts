import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { customerioSeedFor, defaultOutboxLimit, reportingWebhookFromConfig, startSandbox, type ReportingWebhook, type Sandbox } from '../sandbox/index.js';
import { loadEnvironment } from '../sync/secrets.js';
import { loadWorkspace, type ResolvedConfig } from '../workspace/index.js';
import { cliIo, colors, writeErr } from './terminal.js';
import { UsageError } from '../errors/usage-error.js';

/** Where the outbox survives restarts: `.txkit/` in the project root, which the project git-ignores. */
export function outboxFile(config: ResolvedConfig): string {
  return path.join(config.projectRoot, '.txkit', 'sandbox-outbox.json');
}

export interface WorkspaceSandboxOptions {
  port: number;
  /** Create the Customer.io transactional messages the workspace names. */
  seed: boolean;
  reset: boolean;
  outboxLimit: number;
  profileSample?: string;
}

/** The outbox options `txkit sandbox` and `txkit dev --sandbox` share. */
export function addOutboxOptions(command: Command): Command {
  return command
    .option('--outbox-limit <n>', 'sends the outbox keeps, the oldest dropped first', parseOutboxLimit, defaultOutboxLimit)
    .option('--reset', 'start with an empty outbox (deletes .txkit/sandbox-outbox.json)', false)
    .option('--profile-sample <name>', "sample whose `customer` stands for every recipient's profile (default: sandbox.profileSample of txkit.config.yaml)");
}

function parseOutboxLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError('a whole number of sends, 1 or more');
  return limit;
}

/**
 * Starts the emulator on 127.0.0.1 rendering sends from the workspace, its outbox saved in the
 * project, its sends reported to the Customer.io reporting webhook txkit.config.yaml names (signed with
 * the key from the environment or .env); with `seed`, the workspace's Customer.io messages exist from
 * the start (their ids are returned).
 */
export async function startWorkspaceSandbox(
  config: ResolvedConfig,
  options: WorkspaceSandboxOptions,
): Promise<{ sandbox: Sandbox; seeded: number[]; reportingWebhook: ReportingWebhook | undefined }> {
  const reportingWebhook = reportingWebhookFromConfig(config, loadEnvironment(config.projectRoot, cliIo().env));
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      port: options.port,
      ...(reportingWebhook ? { customerio: { reportingWebhook } } : {}),
      workspace: { config, ...(options.profileSample ? { profileSample: options.profileSample } : {}) },
      outbox: {
        file: outboxFile(config),
        limit: options.outboxLimit,
        reset: options.reset,
        onWarning: (message) => writeErr(colors.yellow(`txkit sandbox: ${message}`)),
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`cannot listen on 127.0.0.1:${options.port} (${code}): choose another --port`);
    throw error;
  }
  return { sandbox, seeded: options.seed ? await seedFromWorkspace(sandbox, config) : [], reportingWebhook };
}

/** Creates the Customer.io messages the workspace refers to; no workspace (or a broken one) seeds nothing. */
async function seedFromWorkspace(sandbox: Sandbox, config: ResolvedConfig): Promise<number[]> {
  try {
    const seed = customerioSeedFor((await loadWorkspace(config)).messages);
    sandbox.seed(seed);
    return (seed.customerio?.messages ?? []).map((message) => message.id!).sort((a, b) => a - b);
  } catch {
    return [];
  }
}
