import type { SendTestRequest, SendTestResult } from './api-types.js';

/**
 * Sends a test of a message through a platform. The preview only carries the request: the
 * sending itself is `txkit send`'s (the CLI hands it in, see src/cli/preview-sender.ts), so
 * the preview does not reach into the sync layer.
 */
export interface TestSender {
  /** Platform names the dialog offers (`--target` values). */
  targets: readonly string[];
  send(id: string, request: SendTestRequest): Promise<SendTestResult>;
}
