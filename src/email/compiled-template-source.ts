import type { SourceLocation, TemplateSource } from '../render/index.js';
import type { PersonalizationTag } from './personalization-tags.js';
import type { SourceMap } from './source-map.js';

/** A personalization tag of the compiled HTML and the source tag it came from. */
export interface CompiledTag extends PersonalizationTag {
  /** Index of the source tag among the compiled MJML's tags. */
  origin: number;
  source: PersonalizationTag;
}

/** The last tag starting at or before `offset` (tags are in document order). */
function tagAtOrBefore(tags: readonly CompiledTag[], offset: number): CompiledTag | undefined {
  let low = 0;
  let high = tags.length - 1;
  let found: CompiledTag | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (tags[middle]!.start <= offset) {
      found = tags[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The compiled HTML as a template whose positions point at the source: an offset inside a tag
 * maps to the same character of that tag in the .mjml body or partial. Template errors always
 * sit on a tag; anything else falls back to the nearest tag before it, or the body's start.
 */
export function compiledTemplateSource(html: string, tags: readonly CompiledTag[], mjml: SourceMap): TemplateSource {
  return {
    file: mjml.file,
    text: html,
    locate(offset): SourceLocation {
      const tag = tagAtOrBefore(tags, offset);
      const sourceOffset = tag ? tag.source.start + Math.min(Math.max(0, offset - tag.start), tag.source.text.length) : 0;
      return mjml.locate(sourceOffset);
    },
  };
}
