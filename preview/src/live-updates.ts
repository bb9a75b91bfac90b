import type { WorkspaceUpdate } from '../../src/preview/api-types.js';

/** Same event name as the server's updateEvent (src/preview/plugin.ts). */
const updateEvent = 'txkit:update';

/** Calls `handler` with every change the server pushes over Vite's HMR socket. */
export function onWorkspaceUpdate(handler: (update: WorkspaceUpdate) => void): void {
  import.meta.hot?.on(updateEvent, handler);
}

/** Reports whether the page is connected to the preview server (Vite reloads the page when it comes back). */
export function onConnectionChange(handler: (connected: boolean) => void): void {
  import.meta.hot?.on('vite:ws:connect', () => handler(true));
  import.meta.hot?.on('vite:ws:disconnect', () => handler(false));
}
