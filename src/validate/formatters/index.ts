import type { Formatter } from './format-options.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export type { FormatOptions, Formatter } from './format-options.js';

/** `--format` choices. */
export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
