import type { Command } from 'commander';
import { once } from 'node:events';
import path from 'node:path';
import { loadConfig } from '../../workspace/index.js';
import { cliIo, colors, writeOut } from '../terminal.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import { addOutboxOptions, outboxFile, startWorkspaceSandbox } from '../workspace-sandbox.js';
import type { Run } from './run.js';

interface SandboxCommandOptions {
  port: string;
  seed: boolean;
  reset: boolean;
  outboxLimit: number;
  profileSample?: string;
  workspace?: string;
}

export function registerSandbox(command: Command, run: Run): void {
  addOutboxOptions(
    command
      .option('-p, --port <port>', 'port on 127.0.0.1 (0 = any free port)', '4010')
      .option('--no-seed', "start without the workspace's Customer.io messages"),
  ).action((options: SandboxCommandOptions) =>
    run(async () => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${options.port}"`);
      const { config } = await loadConfig(cliIo().cwd, options.workspace ? { workspace: options.workspace } : {});
      const { sandbox, seeded, reportingWebhook } = await startWorkspaceSandbox(config, {
        port,
        seed: options.seed,
        reset: options.reset,
        outboxLimit: options.outboxLimit,
        ...(options.profileSample ? { profileSample: options.profileSample } : {}),
      });
      const { sfmc, customerio } = sandbox.options;
      const kept = path.relative(cliIo().cwd, outboxFile(config)) || outboxFile(config);
      // The sandbox's credentials are fixed test values, not secrets: printing them is the point.
      writeOut(
        [
          colors.bold(`txkit sandbox: SFMC and Customer.io emulator on ${sandbox.url}`),
          'Point txkit, or your application, at it with these variables (in the environment or .env):',
          '',
          `SFMC_AUTH_BASE_URL=${sandbox.url}`,
          `SFMC_CLIENT_ID=${sfmc.clientId}`,
          `SFMC_CLIENT_SECRET=${sfmc.clientSecret}`,
          `CUSTOMERIO_API_URL=${sandbox.url}`,
          `CUSTOMERIO_APP_API_KEY=${customerio.appApiKey}`,
          `CUSTOMERIO_TRANSACTIONAL_API_KEY=${customerio.transactionalApiKey}`,
          '',
          ...(reportingWebhook
            ? [`Customer.io reporting webhook: ${reportingWebhook.events.join(', ')} → ${reportingWebhook.url} (signed with CUSTOMERIO_WEBHOOK_SIGNING_KEY)`]
            : []),
          `Outbox: every send, rendered from the workspace, at ${sandbox.url}__txkit/outbox (${sandbox.outbox.entries().length} kept in ${kept}, at most ${sandbox.outbox.limit})`,
          colors.dim(
            seeded.length > 0
              ? `Customer.io transactional messages ${seeded.join(', ')} exist, empty, as your workspace expects (on the real platform you create them once in its UI).\nThe platforms' state is kept in memory. Ctrl+C stops it.`
              : "It starts empty and keeps the platforms' state in memory. Ctrl+C stops it.",
          ),
        ].join('\n'),
      );
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
      await sandbox.close();
      return ExitCode.ok;
    }),
  );
}
