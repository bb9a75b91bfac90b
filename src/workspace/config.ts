import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import type { TxkitConfig } from './config-schema.js';
import { plainConfig } from './plain-settings.js';
import { configSchema as configSchemaRule } from './rules/config-schema.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { fileSizeLimits, readWorkspaceFile } from './workspace-file.js';
import { parseYaml } from './yaml-document.js';
import { configFileName } from './project-layout.js';

/** The configuration resolved once and handed to every command (absolute paths). */
export interface ResolvedConfig extends Readonly<Omit<TxkitConfig, 'workspace' | 'out'>> {
  /** Folder holding txkit.config.yaml, or the directory the command ran in. */
  readonly projectRoot: string;
  readonly configFile?: string;
  readonly workspace: string;
  readonly out: string;
}

export interface ConfigResult {
  config: ResolvedConfig;
  diagnostics: Diagnostic[];
}

function resolveConfig(projectRoot: string, parsed: TxkitConfig, configFile?: string): ResolvedConfig {
  return Object.freeze({
    ...parsed,
    projectRoot,
    ...(configFile ? { configFile } : {}),
    workspace: path.resolve(projectRoot, parsed.workspace),
    out: path.resolve(projectRoot, parsed.out),
  });
}

/**
 * Loads `txkit.config.yaml` from `cwd` (no search upwards: the project root is where you run
 * txkit). A missing file means defaults; a broken one yields diagnostics and the defaults.
 */
export async function loadConfig(cwd: string, overrides: { workspace?: string } = {}): Promise<ConfigResult> {
  const projectRoot = path.resolve(cwd);
  const file = path.join(projectRoot, configFileName);
  let parsed = plainConfig({})!;
  const diagnostics: Diagnostic[] = [];
  if (existsSync(file)) {
    const read = await readWorkspaceFile(file, { root: projectRoot, maxBytes: fileSizeLimits.settings, configuration: true });
    if (read.diagnostic) {
      diagnostics.push(read.diagnostic);
    } else {
      const { document, diagnostics: syntax } = parseYaml(file, read.text);
      diagnostics.push(...syntax);
      if (document) {
        const plain = plainConfig(document.value ?? {});
        if (plain) parsed = plain;
        else {
          const { configSchema } = await import('./config-schema.js');
          const result = configSchema.safeParse(document.value ?? {});
          if (result.success) parsed = result.data;
          else
            diagnostics.push(
              ...schemaDiagnostics(document, result.error, configSchemaRule.meta.id, (keyPath) =>
                keyPath.length === 0 ? Object.keys(configSchema.shape) : [],
              ),
            );
        }
      }
    }
  }
  const config = resolveConfig(projectRoot, parsed, existsSync(file) ? file : undefined);
  if (overrides.workspace) return { config: { ...config, workspace: path.resolve(cwd, overrides.workspace) }, diagnostics };
  return { config, diagnostics };
}
