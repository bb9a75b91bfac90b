import type { AddressInfo } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, createServer, type Logger, type LogLevel, type UserConfig, type ViteDevServer } from 'vite';
import type { ResolvedConfig } from '../workspace/index.js';
import { txkitPreview, type PreviewEvent } from './plugin.js';
import { PreviewWorkspace } from './preview-workspace.js';
import { uiPackageDirs } from './ui-packages.js';
import type { TestSender } from './test-sender.js';

/**
 * The browser UI's sources (`preview/` of the txkit package), found from this module rather
 * than the working directory so the preview works when txkit is installed as a dependency.
 * Both src/preview/ and dist/preview/ sit two levels below the package root.
 */
export const previewUiRoot = fileURLToPath(new URL('../../preview/', import.meta.url));

import { defaultPreviewHost, defaultPreviewPort } from './defaults.js';
export { defaultPreviewHost, defaultPreviewPort } from './defaults.js';

export interface PreviewServerOptions {
  config: ResolvedConfig;
  /** Address to listen on (default 127.0.0.1: only this machine can connect). */
  host?: string;
  /** Port to try first; when taken, the next free one is used (0: any free port). Default 5173. */
  port?: number;
  /** Open the preview in the default browser once listening. */
  open?: boolean;
  /** Vite's console output (default "info": URLs, port changes, errors). */
  logLevel?: LogLevel;
  /** Whether Vite's lines may carry colours (default true). Vite decides on its own (it colours whenever CI is set), so a CLI writing to a pipe says no. */
  colors?: boolean;
  /** Told of every re-render after a save and of every watch failure. */
  onEvent?: (event: PreviewEvent) => void;
  /** Base URL of a running sandbox: the page then shows its outbox. */
  sandboxUrl?: string;
  /** Sends test messages from the send-test dialog; without it the dialog offers no target. */
  sender?: TestSender;
}

export interface PreviewServer {
  vite: ViteDevServer;
  workspace: PreviewWorkspace;
  /** Where the preview is served, e.g. http://127.0.0.1:5173/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Vite's logger, less its "Port N is in use, trying another one..." line (`txkit dev` reports the port it moved to once, itself),
 * and without colours when the caller's output takes none.
 */
function previewLogger(level: LogLevel, colors: boolean): Logger {
  const logger = createLogger(level);
  const plain = (text: string) => (colors ? text : stripVTControlCharacters(text));
  const [info, warn, warnOnce, error] = [logger.info.bind(logger), logger.warn.bind(logger), logger.warnOnce.bind(logger), logger.error.bind(logger)];
  logger.info = (message, options) => {
    if (!/^Port \d+ is in use, trying another one/.test(stripVTControlCharacters(message))) info(plain(message), options);
  };
  logger.warn = (message, options) => warn(plain(message), options);
  logger.warnOnce = (message, options) => warnOnce(plain(message), options);
  logger.error = (message, options) => error(plain(message), options);
  return logger;
}

/** The Vite configuration of the preview: the UI from `previewUiRoot`, the workspace behind the txkit plugin. */
export function previewViteConfig(workspace: PreviewWorkspace, options: PreviewServerOptions): UserConfig {
  const host = options.host ?? defaultPreviewHost;
  return {
    root: previewUiRoot,
    base: '/',
    appType: 'spa',
    publicDir: false,
    // The UI has no environment variables; the user's project .env files are none of its business.
    envDir: false,
    // Vite keeps nothing here today (no dependencies to pre-bundle), but must never write inside an installed package.
    cacheDir: path.join(options.config.projectRoot, '.txkit-cache', 'vite'),
    clearScreen: false,
    customLogger: previewLogger(options.logLevel ?? 'info', options.colors ?? true),
    // The UI's only packages (CodeMirror) are ES modules: served as they are, nothing to discover or pre-bundle.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: {
      host,
      port: options.port ?? defaultPreviewPort,
      strictPort: false,
      open: options.open ?? false,
      // Vite's own Host check (localhost names and IP literals) still guards the HMR socket; the plugin's stricter one answers first.
      allowedHosts: [],
      // Vite's default CORS lets a page on any localhost port read every answer; the preview has only its own page.
      cors: false,
      // Vite serves /@fs/<path> from the folder holding the UI's package (in a monorepo: the
      // monorepo root). The UI needs its own sources and its packages' only (Vite adds its client's folder).
      fs: { strict: true, allow: [previewUiRoot, ...uiPackageDirs()] },
    },
    plugins: [
      txkitPreview({
        workspace,
        host,
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
        ...(options.sandboxUrl ? { sandboxUrl: options.sandboxUrl } : {}),
        ...(options.sender ? { sender: options.sender } : {}),
      }),
    ],
  };
}

/** Loads the workspace, starts the preview's Vite dev server and waits until it listens. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const workspace = await PreviewWorkspace.open(options.config);
  const vite = await createServer({ ...previewViteConfig(workspace, options), configFile: false });
  try {
    await vite.listen();
  } catch (error) {
    await vite.close();
    await workspace.close();
    throw error;
  }
  const port = (vite.httpServer!.address() as AddressInfo).port;
  const url = vite.resolvedUrls?.local[0] ?? `http://${options.host ?? defaultPreviewHost}:${port}/`;
  const close = async () => {
    await vite.close();
    await workspace.close();
  };
  return { vite, workspace, url, port, close };
}
