import type { MjmlValidationError } from './mjml-cache.js';

/** Includes are inlined by txkit beforehand (confined to the workspace), so mjml never reads a file. */
export const mjmlOptions = { validationLevel: 'soft', ignoreIncludes: true, keepComments: true } as const;

export interface MjmlRunResult {
  html: string;
  errors: MjmlValidationError[];
}

/**
 * Compiles one MJML document (partials inlined) to HTML. In-process by default; the preview
 * runs it in a worker it can stop (`createMjmlWorker`), so a huge body never freezes the server.
 */
export type MjmlRunner = (mjml: string) => Promise<MjmlRunResult>;

/** mjml gave up on its time budget: nothing was compiled, and nothing may be cached. */
export class MjmlDeadlineError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`mjml took longer than ${deadlineMs / 1000} s and was stopped`);
    this.name = 'MjmlDeadlineError';
  }
}

export const inProcessMjml: MjmlRunner = async (mjml) => {
  // mjml takes half a second to load: only commands that compile MJML (and miss the cache) pay for it.
  const { default: mjml2html } = await import('mjml');
  const result = await mjml2html(mjml, mjmlOptions);
  return { html: result.html, errors: result.errors.map(({ line, message, tagName }) => ({ line, message, tagName })) };
};
