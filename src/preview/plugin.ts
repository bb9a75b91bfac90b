import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Diagnostic } from '../diagnostics/index.js';
import type { WorkspaceUpdate } from './api-types.js';
import { apiMiddleware } from './middlewares/api.js';
import { hostCheckMiddleware } from './middlewares/host-check.js';
import { renderedMessageMiddleware } from './middlewares/rendered-message.js';
import { sameOriginMiddleware } from './middlewares/same-origin.js';
import { sandboxOutboxMiddleware } from './middlewares/sandbox-outbox.js';
import type { PreviewWorkspace } from './preview-workspace.js';
import type { TestSender } from './test-sender.js';
import { watchWorkspace, type WorkspaceWatcher } from './watch-workspace.js';

/** The HMR event the UI listens to (preview/src/live-updates.ts uses the same name). */
export const updateEvent = 'txkit:update';

/** How long validation waits for an open page to fetch a changed message's new render. */
const viewWaitMs = 150;

export interface TxkitPreviewPluginOptions {
  workspace: PreviewWorkspace;
  /** Address the server binds to: Host headers naming it are accepted besides loopback names. */
  host: string;
  /** Told of every re-render after a save and of every watch failure (`txkit dev` logs them). */
  onEvent?: (event: PreviewEvent) => void;
  /** Base URL of a running `txkit sandbox` whose outbox the page shows (`txkit dev --sandbox`). */
  sandboxUrl?: string;
  /** Sends test messages from the send-test dialog (`txkit dev` gives `txkit send`'s). */
  sender?: TestSender;
}

/** What happened after a save, for the terminal log. */
export type PreviewEvent =
  | {
      kind: 'render';
      /** Messages re-rendered, and those deleted. */
      changed: string[];
      removed: string[];
      /** The saved files, relative to the workspace root. */
      files: string[];
      /** Time from noticing the save to the new render being pushed to the pages. */
      ms: number;
    }
  /** Validation's errors in a message after a save (only messages that have some). */
  | { kind: 'errors'; id: string; diagnostics: Diagnostic[] }
  | { kind: 'error'; message: string };

function boundHostOf(server: ViteDevServer, fallback: string): string {
  const host = server.config.server.host;
  return typeof host === 'string' ? host : host === true ? '0.0.0.0' : fallback;
}

/**
 * The server side of `txkit dev`: a Host check and an origin check in front of everything, the JSON API, and a
 * watcher on the workspace that re-renders what a save concerns and pushes `txkit:update`
 * to the open pages over Vite's HMR socket.
 */
export function txkitPreview(options: TxkitPreviewPluginOptions): Plugin {
  let watcher: WorkspaceWatcher | undefined;
  return {
    name: 'txkit-preview',
    apply: 'serve',
    async configureServer(server) {
      const { workspace } = options;
      const send = (update: WorkspaceUpdate | undefined) => {
        if (update) server.ws.send({ type: 'custom', event: updateEvent, data: update });
      };
      // Ahead of Vite's own middlewares (its CORS and Host check come before any plugin's):
      // txkit's checks are the ones that answer, with txkit's message, for every route.
      server.middlewares.stack.unshift(
        { route: '', handle: hostCheckMiddleware(boundHostOf(server, options.host)) },
        { route: '', handle: sameOriginMiddleware() },
      );
      const reportError = (message: string) => {
        if (options.onEvent) options.onEvent({ kind: 'error', message });
        else server.config.logger.error(`txkit: ${message}`);
      };
      server.middlewares.use(apiMiddleware(workspace, { onEditorError: reportError, ...(options.sender ? { sender: options.sender } : {}) }));
      server.middlewares.use(renderedMessageMiddleware(workspace));
      server.middlewares.use(sandboxOutboxMiddleware(options.sandboxUrl));
      const report = (update: WorkspaceUpdate, files: string[], ms: number) => {
        const relative = files.map((file) => path.relative(workspace.root, file).split(path.sep).join('/'));
        options.onEvent?.({ kind: 'render', changed: update.changed, removed: update.removed, files: relative, ms });
      };
      watcher = watchWorkspace(workspace.root, {
        async onChange(files, morePending) {
          // Reload first, so the open pages update at once; validation's findings follow, once
          // a page has fetched the new render (or a moment has passed) and the saves stop
          // coming (it yields to a newer save between messages).
          const started = performance.now();
          const update = await workspace.reload(files);
          send(update);
          if (update) report(update, files, performance.now() - started);
          if (update && server.ws.clients.size > 0) await workspace.whenViewed(update.changed, viewWaitMs);
          const validated = await workspace.validateChanged(morePending);
          send(validated);
          for (const id of validated?.changed ?? []) {
            const diagnostics = workspace.validationErrors(id);
            if (diagnostics.length > 0) options.onEvent?.({ kind: 'errors', id, diagnostics });
          }
        },
        onError(error) {
          reportError(`watching ${workspace.root} failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      });
      await watcher.ready;
    },
    // Vite runs buildEnd (client environment only) when the dev server closes.
    async buildEnd() {
      await watcher?.close();
    },
  };
}
