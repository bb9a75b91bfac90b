import { Composer, CST, Parser, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** Deepest nesting of mappings and sequences accepted in YAML and JSON files; real ones nest a few levels. */
export const maxNestingDepth = 100;

/** Offset of the first value of a CST document nested deeper than `maxDepth` collections. */
function tooDeepAt(document: CST.Document, maxDepth: number): number | undefined {
  let offset: number | undefined;
  CST.visit(document, (item, path) => {
    if (path.length <= maxDepth) return undefined;
    offset = item.value?.offset ?? item.start[0]?.offset ?? document.offset;
    return CST.visit.BREAK;
  });
  return offset;
}

export type BoundedParse = { document: Document.Parsed; tooDeepAt?: undefined } | { document?: undefined; tooDeepAt: number };

/**
 * yaml's `parseDocument`, except that a document nested deeper than `maxNestingDepth` is refused
 * before it is composed. Composing is recursive, and in Node 20 a regular expression first
 * compiled near the end of the stack aborts the whole process ("RegExpCompiler Allocation
 * failed", not a catchable RangeError): a 2 KB sample of 1000 nested arrays did. The CST parser
 * is iterative and the depth walk stops at the limit, so measuring first is safe; the composer
 * then reuses the same tokens.
 */
export function parseBoundedDocument(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): BoundedParse {
  const tokens = Array.from(new Parser().parse(text));
  for (const token of tokens) {
    const offset = token.type === 'document' ? tooDeepAt(token, maxNestingDepth) : undefined;
    if (offset !== undefined) return { tooDeepAt: offset };
  }
  let document: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (document) {
      document.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'),
      );
      break;
    }
    document = next;
  }
  // compose(…, forceDoc = true) always yields a document, even for empty text.
  return { document: document! };
}
