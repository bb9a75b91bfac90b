import type { CheckRule, Diagnostic } from '../../diagnostics/index.js';
import type { CompiledTag } from '../compiled-template-source.js';
import type { PersonalizationTag } from '../personalization-tags.js';
import type { SourceMap } from '../source-map.js';

const hint =
  'mjml keeps tags only in the content of mj-text, mj-button, mj-table, mj-raw (and similar) and in attributes it knows; ' +
  'wrap logic around sections in <mj-raw>, e.g. <mj-raw>{% if x %}</mj-raw>';

/** The tags of an MJML template before and after mjml compiled it. */
export interface TagSurvivalFacts {
  sourceTags: readonly PersonalizationTag[];
  compiled: readonly CompiledTag[];
  mjml: SourceMap;
}

/**
 * Every personalization tag of the MJML must still be in the compiled HTML, unchanged. mjml
 * silently drops text between sections or columns and attributes it does not know, which would
 * publish an email with its logic missing.
 */
export const emailTagSurvival: CheckRule<TagSurvivalFacts> = {
  meta: {
    id: 'email/tag-survival',
    defaultSeverity: 'error',
    docs: 'personalization tags come out of MJML compilation intact',
  },
  check({ sourceTags, compiled, mjml }) {
    const copies = new Map<number, CompiledTag[]>();
    for (const tag of compiled) copies.set(tag.origin, [...(copies.get(tag.origin) ?? []), tag]);
    const diagnostics: Diagnostic[] = [];
    sourceTags.forEach((tag, index) => {
      const found = copies.get(index) ?? [];
      if (found.some((copy) => copy.text === tag.text)) return;
      const start = mjml.locate(tag.start);
      const end = mjml.locate(tag.end);
      const changed = found[0];
      diagnostics.push({
        ruleId: emailTagSurvival.meta.id,
        severity: emailTagSurvival.meta.defaultSeverity,
        message: changed ? `MJML changed ${tag.text} into ${changed.text}` : `${tag.text} is lost when MJML compiles this template`,
        ...start,
        ...(end.file === start.file ? { endLine: end.line, endColumn: end.column } : {}),
        hint,
      });
    });
    return diagnostics;
  },
};
