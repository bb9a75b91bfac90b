import { CST, Parser } from 'yaml';

/** Deepest nesting of mappings and sequences accepted in YAML and JSON files; real ones nest a few levels. */
export const maxNestingDepth = 100;

/**
 * Offset of the first value nested deeper than `maxDepth` collections, if any. yaml composes
 * documents recursively, and in Node 20 a regular expression first compiled near the end of
 * the stack aborts the whole process ("RegExpCompiler Allocation failed", not a catchable
 * RangeError): a 2 KB sample of 1000 nested arrays did. The CST parser is iterative, and the
 * walk below stops at `maxDepth`, so measuring first is safe.
 */
export function tooDeeplyNested(text: string, maxDepth = maxNestingDepth): number | undefined {
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    let offset: number | undefined;
    CST.visit(token, (item, path) => {
      if (path.length <= maxDepth) return undefined;
      offset = item.value?.offset ?? item.start[0]?.offset ?? token.offset;
      return CST.visit.BREAK;
    });
    if (offset !== undefined) return offset;
  }
  return undefined;
}
