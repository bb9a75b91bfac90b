/**
 * Bounds that keep a hostile or buggy template from hanging a pre-commit hook or the preview.
 * Real transactional templates render in microseconds, so these are far above normal use.
 */
export interface RenderLimits {
  /** Largest template accepted, in characters. */
  maxTemplateLength: number;
  /** Wall-clock budget for one render, in ms (liquidjs enforces it; Handlebars checks it at every {{#each}} step). */
  maxRenderMs: number;
  /** liquidjs allocation budget (ranges, joins, concatenations). */
  maxMemory: number;
  /** Largest rendered output, in characters. */
  maxOutputLength: number;
  /** Deepest Handlebars nesting of blocks, and of subexpressions, accepted: its parser's time grows with the square of the depth (5000 blocks: ~7 s). */
  maxBlockDepth: number;
}

export const defaultRenderLimits: RenderLimits = Object.freeze({
  maxTemplateLength: 1_000_000,
  maxRenderMs: 500,
  maxMemory: 50_000_000,
  maxOutputLength: 5_000_000,
  maxBlockDepth: 100,
});
