import type { Command } from 'commander';
import { once } from 'node:events';
import { customerioSeedFor, reportingWebhookFromConfig, startSandbox } from '../../sandbox/index.js';
import { loadEnvironment } from '../../sync/secrets.js';
import { loadConfig, loadWorkspace } from '../../workspace/index.js';
import { cliIo, colors, writeOut } from '../terminal.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import type { Run } from './run.js';

interface SandboxCommandOptions {
  port: string;
  seed: boolean;
  workspace?: string;
}

export function registerSandbox(command: Command, run: Run): void {
  command
    .option('-p, --port <port>', 'port on 127.0.0.1 (0 = any free port)', '4010')
    .option('--no-seed', "start without the workspace's Customer.io messages")
    .action((options: SandboxCommandOptions) =>
      run(async () => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${options.port}"`);
        const { config } = await loadConfig(cliIo().cwd, options.workspace ? { workspace: options.workspace } : {});
        const reportingWebhook = reportingWebhookFromConfig(config, loadEnvironment(config.projectRoot, cliIo().env));
        let sandbox;
        try {
          sandbox = await startSandbox({ port, ...(reportingWebhook ? { customerio: { reportingWebhook } } : {}) });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`cannot listen on 127.0.0.1:${port} (${code}): choose another --port`);
          throw error;
        }
        const seeded = options.seed ? await seedFromWorkspace(sandbox, options.workspace) : [];
        const { sfmc, customerio } = sandbox.options;
        // The sandbox's credentials are fixed test values, not secrets: printing them is the point.
        writeOut(
          [
            colors.bold(`txkit sandbox: SFMC and Customer.io emulator on ${sandbox.url}`),
            'Point txkit at it with these variables (in the environment or .env):',
            '',
            `SFMC_AUTH_BASE_URL=${sandbox.url}`,
            `SFMC_CLIENT_ID=${sfmc.clientId}`,
            `SFMC_CLIENT_SECRET=${sfmc.clientSecret}`,
            `CUSTOMERIO_API_URL=${sandbox.url}`,
            `CUSTOMERIO_APP_API_KEY=${customerio.appApiKey}`,
            `CUSTOMERIO_TRANSACTIONAL_API_KEY=${customerio.transactionalApiKey}`,
            '',
            ...(reportingWebhook ? [`Customer.io reporting webhook: ${reportingWebhook.events.join(', ')} → ${reportingWebhook.url} (signed with CUSTOMERIO_WEBHOOK_SIGNING_KEY)`, ''] : []),
            colors.dim(
              seeded.length > 0
                ? `Customer.io transactional messages ${seeded.join(', ')} exist, empty, as your workspace expects (on the real platform you create them once in its UI).\nEverything is kept in memory. Ctrl+C stops it.`
                : 'It starts empty and keeps everything in memory. Ctrl+C stops it.',
            ),
          ].join('\n'),
        );
        await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
        await sandbox.close();
        return ExitCode.ok;
      }),
    );
}

/** Creates the Customer.io messages the workspace refers to; no workspace (or a broken one) seeds nothing. */
async function seedFromWorkspace(sandbox: { seed(data: ReturnType<typeof customerioSeedFor>): void }, workspace: string | undefined): Promise<number[]> {
  const { config } = await loadConfig(cliIo().cwd, workspace ? { workspace } : {});
  try {
    const seed = customerioSeedFor((await loadWorkspace(config)).messages);
    sandbox.seed(seed);
    return (seed.customerio?.messages ?? []).map((message) => message.id!).sort((a, b) => a - b);
  } catch {
    return [];
  }
}
