import type { SendTestResult, TestSender } from '../preview/index.js';
import { PlatformError } from '../sync/platform-error.js';
import { syncTargetNames } from '../sync/targets.js';
import { UsageError } from '../errors/usage-error.js';
import { sendMessage, REQUESTS_DEADLINE_MS } from './commands/send.js';
import { openSyncTarget } from './open-sync-target.js';
import { logLine } from './terminal.js';

/** The dialog waits this long for the platform's final status before reporting `queued` (`txkit send --timeout 10`). */
const statusWaitMs = 10_000;

/**
 * The preview's test sends, made exactly as `txkit send --target <target>` makes them: the
 * workspace read again from disk, `.env` and the environment for the credentials (a `txkit
 * sandbox` URL there sends to the sandbox). Everything `txkit send` would refuse comes back as
 * `refused` with its message; the terminal gets one line per send.
 */
export function previewSender(workspace: string): TestSender {
  return {
    targets: syncTargetNames(),
    async send(id, request): Promise<SendTestResult> {
      try {
        const sync = await openSyncTarget({ workspace, target: request.target }, [id], statusWaitMs + REQUESTS_DEADLINE_MS);
        const outcome = await sendMessage(
          sync,
          { id, to: request.to, channel: request.channel, sample: request.sample, language: request.language, timeoutMs: statusWaitMs },
          (text) => sync.output.out(logLine(text)),
        );
        sync.output.out(logLine(`test send of ${id}: ${outcome.status}${outcome.id ? ` · ${outcome.id}` : ''}${outcome.detail ? ` · ${outcome.detail}` : ''}`));
        return { status: outcome.status, id: outcome.id, ...(outcome.detail ? { detail: outcome.detail } : {}) };
      } catch (error) {
        if (error instanceof UsageError || error instanceof PlatformError) return { status: 'refused', detail: error.message };
        throw error;
      }
    },
  };
}
