import type { Command } from 'commander';
import { once } from 'node:events';
import { startSandbox } from '../../sandbox/index.js';
import { colors, writeOut } from '../terminal.js';
import { ExitCode, UsageError } from '../usage-error.js';

interface SandboxCommandOptions {
  port: string;
}

export function registerSandbox(program: Command, run: (action: () => Promise<ExitCode>) => Promise<void>): void {
  program
    .command('sandbox')
    .description('run the local SFMC and Customer.io emulator, to try diff / push / send without an account')
    .option('-p, --port <port>', 'port on 127.0.0.1 (0 = any free port)', '4010')
    .action((options: SandboxCommandOptions) =>
      run(async () => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${options.port}"`);
        let sandbox;
        try {
          sandbox = await startSandbox({ port });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`cannot listen on 127.0.0.1:${port} (${code}): choose another --port`);
          throw error;
        }
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
            colors.dim('It starts empty and keeps everything in memory. Ctrl+C stops it.'),
          ].join('\n'),
        );
        await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
        await sandbox.close();
        return ExitCode.ok;
      }),
    );
}
