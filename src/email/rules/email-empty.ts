import { isHidden } from '../hidden-elements.js';
import { parseHtml, withinElement, type HtmlDocument, type HtmlElement } from '../html-elements.js';
import type { FileLocation } from '../source-map.js';
import { locateCompiled } from '../checks/element-locator.js';
import { documentRoot } from '../checks/document-root.js';
import { ruleDiagnostic, type CheckRule, type Diagnostic } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';

/** Elements whose content no mail client shows in the message. */
const notShown = new Set(['head', 'title', 'style', 'script', 'template']);

/** Characters that print nothing: whitespace, and the zero-width fillers preheaders pad with (&zwnj; &#847; …). */
// eslint-disable-next-line no-misleading-character-class -- U+034F (combining grapheme joiner) is listed to match on its own
const blank = /^[\s\u00a0\u00ad\u034f\u180e\u200b-\u200f\u2060\ufeff]*$/u;

function isConcealing(element: HtmlElement): boolean {
  return isHidden(element) || notShown.has(element.name);
}

function shown(document: HtmlDocument, index: number | undefined): boolean {
  return !withinElement(document, index, isConcealing);
}

/** Whether a reader sees anything: a character of text or an image outside hidden markup. */
function hasVisibleContent(document: HtmlDocument): boolean {
  return (
    document.texts.some((text) => !blank.test(text.text) && shown(document, text.parent)) ||
    document.elements.some((element, index) => element.name === 'img' && shown(document, index))
  );
}

/** The largest hidden element that holds text (the wrapper that hides the content, rather than the preheader). */
function hidingWrapper(document: HtmlDocument): HtmlElement | undefined {
  let wrapper: HtmlElement | undefined;
  for (const text of document.texts) {
    if (blank.test(text.text)) continue;
    for (let index = text.parent; index !== undefined; index = document.elements[index]!.parent) {
      const element = document.elements[index]!;
      if (isHidden(element) && (!wrapper || element.end - element.start > wrapper.end - wrapper.start)) wrapper = element;
    }
  }
  return wrapper;
}

function startTag(document: HtmlDocument, element: HtmlElement): string {
  const tag = document.text.slice(element.start, element.startTagEnd);
  return tag.length > 80 ? `${tag.slice(0, 77)}…` : tag;
}

const hintForEmptyBody = 'write the content in the body (mj-text, or text in the HTML <body>)';

/**
 * The template's own problem, found on the compiled HTML before personalization: an unclosed
 * comment (it hides whatever follows, in every client), or no visible content at all.
 */
function templateDiagnostics(input: EmailCheckInput, root: FileLocation): Diagnostic[] {
  const comment = (input.markup ?? input.page).unclosedComment;
  const visible = hasVisibleContent(input.page);
  if (comment !== undefined) {
    const location = input.markup ? input.locateMarkup(comment) : locateCompiled(input.compiled, comment);
    const message = visible
      ? 'an HTML comment opened here is never closed, so it hides everything after it'
      : 'an HTML comment opened here is never closed and hides the whole email: it shows no text';
    return [ruleDiagnostic(emailEmpty, location, message, { hint: 'close the comment with -->, or remove the <!--' })];
  }
  if (visible) return [];
  const wrapper = hidingWrapper(input.page);
  if (wrapper) {
    return [
      ruleDiagnostic(
        emailEmpty,
        input.locateElement(wrapper),
        `the email shows no text: all of it is inside ${startTag(input.page, wrapper)}, which mail clients hide`,
        {
          hint: 'remove display:none, mso-hide:all or the hidden attribute from the element around the content',
        },
      ),
    ];
  }
  return [ruleDiagnostic(emailEmpty, root, 'the email has no visible text: its body is empty or holds only markup', { hint: hintForEmptyBody })];
}

/**
 * A message a reader opens and finds blank is never what was meant: an empty body, content wrapped
 * in display:none, or an unclosed `<!--` that turns the rest of the document into a comment (HTML
 * parsing: https://html.spec.whatwg.org/multipage/parsing.html#parse-error-eof-in-comment). Also
 * checked per sample, since a condition around the whole content can render nothing.
 */
export const emailEmpty: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/empty',
    defaultSeverity: 'error',
    docs: 'The email shows the reader some text: the body is not empty, and no unclosed comment or hidden wrapper (display:none) hides its content.',
  },
  check(input) {
    const root = documentRoot(input).location;
    const diagnostics = templateDiagnostics(input, root);
    if (diagnostics.length > 0) return diagnostics;
    // A body that failed to render is empty for that reason, and reported as such.
    for (const output of input.samples) {
      if (output.html === '' || hasVisibleContent(parseHtml(output.html))) continue;
      diagnostics.push(
        ruleDiagnostic(emailEmpty, root, `the email renders no visible text for sample "${output.sample.name}"`, {
          hint: 'a condition or loop around the whole content rendered nothing with this sample: check the sample data or the template',
        }),
      );
    }
    return diagnostics;
  },
};
