import type { Command } from 'commander';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CUSTOMERIO_WEBHOOK_KEY_VARIABLE } from '../../sandbox/index.js';
import { loadEnvironment, redact, secretValues } from '../../sync/index.js';
import { ENS_SIGNATURE_KEY_VARIABLE, verifyEnsCallback } from '../../sync/sfmc/index.js';
import { loadConfig } from '../../workspace/index.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import { classifyEventRequest, describeEvent } from '../event-request.js';
import { cliIo, terminalSafe } from '../terminal.js';
import type { Run } from './run.js';

interface ListenOptions {
  port: string;
  json?: boolean;
  workspace?: string;
}

/** Larger bodies are refused unread: an ENS batch holds at most 1,000 events. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function registerEvents(events: Command, run: Run): void {
  events
    .command('listen')
    .description(
      'receive delivery events locally: verifies SFMC ENS and Customer.io webhook signatures, prints each event, answers the ENS verification handshake',
    )
    .option('-p, --port <port>', 'port on 127.0.0.1 (0 = any free port)', '4020')
    .option('--json', 'one JSON object per line: {"platform", "event"}')
    .action((options: ListenOptions) =>
      run(async () => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${options.port}"`);
        const io = cliIo();
        const { config } = await loadConfig(io.cwd, options.workspace ? { workspace: options.workspace } : {});
        // Read per request: a key `txkit push` has just saved to .env works without a restart.
        const environment = () => loadEnvironment(config.projectRoot, io.env);
        const out = (line: string) => io.stdout.write(`${line}\n`);
        const err = (line: string) => io.stderr.write(`${terminalSafe(redact(line, secretValues(environment())), { singleLine: true })}\n`);

        async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
          const body = request.method === 'POST' ? await readBody(request) : undefined;
          if (!body) {
            response.writeHead(request.method === 'POST' ? 413 : 405).end();
            return;
          }
          const env = environment();
          const received = classifyEventRequest(request.headers, body, {
            sfmc: env[ENS_SIGNATURE_KEY_VARIABLE],
            customerio: env[CUSTOMERIO_WEBHOOK_KEY_VARIABLE],
          });
          if (received.kind === 'refused') {
            response.writeHead(received.status).end();
            err(received.reason);
            return;
          }
          response.writeHead(200).end();
          if (received.kind === 'verification') {
            // Answered first: ENS waits for this 200 before the callback exists to verify.
            try {
              await verifyEnsCallback(env, received.callbackId, received.verificationKey);
              err(`verified the SFMC event callback ${received.callbackId}`);
            } catch (error) {
              err(`could not verify the SFMC event callback ${received.callbackId}: ${error instanceof Error ? error.message : String(error)}`);
            }
            return;
          }
          for (const event of received.events)
            out(
              options.json
                ? JSON.stringify({ platform: received.platform, event })
                : terminalSafe(describeEvent(received.platform, event), { singleLine: true }),
            );
        }

        const server = createServer((request, response) => {
          handle(request, response).catch(() => request.socket.destroy());
        });
        try {
          await new Promise<void>((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, '127.0.0.1', () => resolve());
          });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`cannot listen on 127.0.0.1:${port} (${code}): choose another --port`);
          throw error;
        }
        io.stderr.write(`txkit events: listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/ (Ctrl+C stops)\n`);
        await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        return ExitCode.ok;
      }),
    );
}
