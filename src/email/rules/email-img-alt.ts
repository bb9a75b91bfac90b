import type { HtmlDocument } from '../html-elements.js';
import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';

const hint = 'describe the image in alt="…", or write alt="" when it is decorative';

/** mj-attributes can give every mj-image (or every component) an alt. */
function hasDefaultImageAlt(markup: HtmlDocument): boolean {
  return markup.elements.some((element) => {
    if ((element.name !== 'mj-image' && element.name !== 'mj-all') || !('alt' in element.attributes)) return false;
    return element.parent !== undefined && markup.elements[element.parent]!.name === 'mj-attributes';
  });
}

/**
 * An image needs an alt attribute: blocked images and screen readers show it instead. `alt=""` is
 * right for decorative images and is not reported. mjml writes alt="" for an mj-image without
 * alt, so for MJML the mj-image itself is checked.
 */
export const emailImgAlt: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/img-alt',
    defaultSeverity: 'warning',
    docs: 'Every image has an alt attribute (alt="" for decorative images).',
  },
  check(input) {
    const images = input.page.elements.filter((element) => element.name === 'img' && !('alt' in element.attributes));
    const diagnostics = images.map((image) =>
      ruleDiagnostic(emailImgAlt, input.locateElement(image), `<img> has no alt attribute${image.attributes.src ? ` (src="${image.attributes.src}")` : ''}`, {
        hint,
      }),
    );
    const markup = input.markup;
    if (markup && !hasDefaultImageAlt(markup)) {
      for (const image of markup.elements.filter((element) => element.name === 'mj-image' && !('alt' in element.attributes))) {
        diagnostics.push(
          ruleDiagnostic(
            emailImgAlt,
            input.locateMarkup(image.start),
            `<mj-image> has no alt attribute${image.attributes.src ? ` (src="${image.attributes.src}")` : ''}`,
            { hint },
          ),
        );
      }
    }
    return diagnostics;
  },
};
