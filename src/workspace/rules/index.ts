import { configSchema } from './config-schema.js';
import { languagesMissingChannel } from './languages-missing-channel.js';
import { languagesUnknown } from './languages-unknown.js';
import { languagesUntranslated } from './languages-untranslated.js';
import { samplesShape } from './samples-shape.js';
import { schemaMessage } from './schema-message.js';
import { syntaxJson } from './syntax-json.js';
import { syntaxYaml } from './syntax-yaml.js';
import { workspaceFileSize } from './workspace-file-size.js';
import { workspaceMissingFile } from './workspace-missing-file.js';
import { workspacePath } from './workspace-path.js';
import { workspaceRead } from './workspace-read.js';

export {
  configSchema,
  languagesMissingChannel,
  languagesUnknown,
  languagesUntranslated,
  samplesShape,
  schemaMessage,
  syntaxJson,
  syntaxYaml,
  workspaceFileSize,
  workspaceMissingFile,
  workspacePath,
  workspaceRead,
};

/** The rules the loader reports (txkit.config.yaml, message folders, samples), in `txkit rules` order. */
export const workspaceRules = [
  configSchema,
  syntaxYaml,
  schemaMessage,
  syntaxJson,
  samplesShape,
  workspaceMissingFile,
  workspacePath,
  workspaceRead,
  workspaceFileSize,
  languagesUnknown,
  languagesMissingChannel,
  languagesUntranslated,
] as const;
