/**
 * txkit as a library: the CLI is these calls plus option parsing. Load a workspace, render its
 * messages, validate them, build the publishable output, preview it, publish it.
 */
export { type Diagnostic, type Position, type Severity } from './diagnostics/index.js';
export { ExitCode, UsageError } from './errors/usage-error.js';

export {
  configFileName,
  loadConfig,
  loadWorkspace,
  WorkspaceNotFoundError,
  type BrokenMessage,
  type ConfigResult,
  type Message,
  type ResolvedConfig,
  type Sample,
  type Workspace,
} from './workspace/index.js';

export { createEngines, type Engines, type RenderContext } from './render/index.js';
export { renderTemplate, type RenderMessageOptions } from './render/render-template.js';
export { compileMessageEmail, hasEmail, personalizeEmail, renderEmail, type RenderedEmail, type RenderEmailOptions } from './email/render-email.js';
export { renderSms, type RenderedSms } from './sms/render-sms.js';

export { validate, type ValidateOptions } from './validate/validate.js';
export { formatters, type FormatName, type FormatOptions } from './validate/formatters/index.js';

export { build, type BuildOptions, type BuildResult, type Manifest } from './build/build.js';

export { startPreviewServer, txkitPreview, type PreviewServer, type PreviewServerOptions, type TxkitPreviewPluginOptions } from './preview/index.js';

export { syncTargetFor, syncTargetNames } from './sync/targets.js';
export { PlatformError, type Plan, type SyncConnection, type SyncContext, type SyncTarget } from './sync/index.js';

export { verifySfmcEnsSignature, signSfmcEnsPayload, type SfmcEnsSignatureInput } from './platforms/sfmc/ens-signature.js';
export { verifyCustomerioWebhookSignature, signCustomerioWebhook, type CustomerioSignatureInput } from './platforms/customerio/webhook-signature.js';
