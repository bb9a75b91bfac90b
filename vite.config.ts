/**
 * The preview's Vite configuration, for working on the UI with plain `npx vite` (or
 * `npx vite --config vite.config.ts`). `txkit dev` builds the very same configuration from
 * previewViteConfig (src/preview/preview-server.ts) without reading this file, so it also
 * works where txkit is installed as a dependency. Serves templates/, or $TXKIT_WORKSPACE.
 */
import { defineConfig } from 'vite';
import { PreviewWorkspace, previewViteConfig } from './src/preview/index.js';
import { loadConfig } from './src/workspace/index.js';

export default defineConfig(async () => {
  const workspace = process.env['TXKIT_WORKSPACE'];
  const { config } = await loadConfig(process.cwd(), workspace ? { workspace } : {});
  return previewViteConfig(await PreviewWorkspace.open(config), { config });
});
