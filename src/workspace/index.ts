export { loadConfig, type ResolvedConfig, type ConfigResult } from './config.js';
export type { TxkitConfig, RuleSeverity } from './config-schema.js';
export { defaultCustomerioSms } from './plain-settings.js';
export { sfmcEmailEvents } from './settings-vocabulary.js';
export { isInside, resolveInside, type ConfinedPath } from './confined-path.js';
export { loadMessage, isBroken, samplePath, samplesDir, type LoadMessageOptions, type SampleSelection } from './load-message.js';
export { parseSample } from './load-sample.js';
export { loadWorkspace, workspaceMessageDirs, WorkspaceNotFoundError } from './load-workspace.js';
export { configFileName, listMessageDirs, messageFileName } from './project-layout.js';
// Types only: the zod schemas are loaded when a file is not plainly valid (see plain-settings.ts).
export type {
  AttributeSpec,
  CustomerioTarget,
  EmailDefinition,
  Engine,
  MessageDefinition,
  SfmcTarget,
  SmsDefinition,
  WhatsappButtonType,
  WhatsappDefinition,
} from './message-schema.js';
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
export { defaultLanguageOf, inLanguage, languageViews, messageLanguages, samplesInLanguage, translationFileName, workspaceLanguages } from './languages.js';
export { isLanguageCode, languageName } from './language-code.js';
export { decodeSource, type SourceFileResult } from './read-source-file.js';
export { parseJson, parseYaml, type LocatedDocument, type PathSegment } from './yaml-document.js';
export { defaultSample, defaultSampleName } from './default-sample.js';
export { fileSizeLimits, readWorkspaceFile, type WorkspaceFileOptions } from './workspace-file.js';
export { isSecretsFile } from './confined-file.js';
