import { htmlToPlainText } from '../../email/plain-text.js';
import { findPersonalizationTags } from '../../email/personalization-tags.js';

// Letters and digits only: the converter neither wraps inside nor escapes a placeholder.
const placeholder = (index: number) => `TXKITTAG${index}END`;
const placeholderPattern = /TXKITTAG(\d+)END/g;

/**
 * The plain-text version of a template's HTML, personalization tags intact, as the platform
 * stores it for clients that do not show HTML. Tags are set aside before converting, so
 * wrapping never splits one (a line break inside `"there friend"` would change the text).
 */
export function plainTextTemplate(html: string): string {
  const tags = findPersonalizationTags(html);
  let marked = '';
  let cursor = 0;
  tags.forEach((tag, index) => {
    marked += html.slice(cursor, tag.start) + placeholder(index);
    cursor = tag.end;
  });
  marked += html.slice(cursor);
  return htmlToPlainText(marked).replace(placeholderPattern, (match, index: string) => tags[Number(index)]?.text ?? match);
}
