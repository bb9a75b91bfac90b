export type * from './api-types.js';
export { txkitPreview, updateEvent, type TxkitPreviewPluginOptions } from './plugin.js';
export { PreviewWorkspace } from './preview-workspace.js';
export {
  defaultPreviewHost,
  defaultPreviewPort,
  previewUiRoot,
  previewViteConfig,
  startPreviewServer,
  type PreviewServer,
  type PreviewServerOptions,
} from './preview-server.js';
export { isLocalHost } from './middlewares/host-check.js';
export { apiBase } from './middlewares/api.js';
export type { TestSender } from './test-sender.js';
