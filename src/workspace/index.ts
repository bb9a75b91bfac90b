export { loadConfig, type ResolvedConfig, type ConfigResult } from './config.js';
export { configSchema, customerioWebhookMetrics, type TxkitConfig, type RuleSeverity } from './config-schema.js';
export { customerioSmsSchema } from './customerio-sms-schema.js';
export { isInside, resolveInside, type ConfinedPath } from './confined-path.js';
export { loadMessage, isBroken, samplePath, samplesDir, type LoadMessageOptions, type SampleSelection } from './load-message.js';
export { parseSample } from './load-sample.js';
export { loadWorkspace, WorkspaceNotFoundError } from './load-workspace.js';
export { configFileName, listMessageDirs, messageFileName } from './project-layout.js';
export * from './message-schema.js';
export type {
  BrokenMessage,
  EmailTemplates,
  Message,
  Sample,
  SmsTemplates,
  Translation,
  WhatsappButtonTemplates,
  WhatsappTemplates,
  Workspace,
} from './model.js';
export { defaultLanguageOf, inLanguage, languageViews, messageLanguages, samplesInLanguage, workspaceLanguages } from './languages.js';
export { isLanguageCode, languageName } from './language-code.js';
export { decodeSource, type SourceFileResult } from './read-source-file.js';
export { parseJson, parseYaml, type LocatedDocument, type PathSegment } from './yaml-document.js';
export { defaultSample, defaultSampleName } from './default-sample.js';
export { fileSizeLimits, isSecretsFile, readWorkspaceFile, type WorkspaceFileOptions } from './workspace-file.js';
