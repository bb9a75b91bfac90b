import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { CompatCheckInput } from '../compat/compat-input.js';

/**
 * An `<img>` needs width and height attributes: Outlook for Windows ignores CSS sizes and
 * shows the file at its natural size, and clients that block images lay out an empty box of
 * that size. mj-image always writes width, so only images the author wrote as HTML are checked.
 */
export const emailImgDimensions: CheckRule<CompatCheckInput> = {
  meta: {
    id: 'email/img-dimensions',
    defaultSeverity: 'warning',
    docs: 'Every <img> written as HTML has width and height attributes (Outlook for Windows ignores CSS sizes)',
  },
  check(input) {
    return input.page.elements.flatMap((element) => {
      if (element.name !== 'img') return [];
      const missing = ['width', 'height'].filter((name) => !(name in element.attributes));
      if (missing.length === 0) return [];
      const location = input.sourceOf({ slug: 'html-img', offset: element.start, site: { kind: 'element', element } });
      if (!location) return [];
      return [
        ruleDiagnostic(
          emailImgDimensions,
          location,
          `<img> has no ${missing.join(' or ')} attribute${element.attributes.src ? ` (src="${element.attributes.src}")` : ''}`,
          { hint: 'write the displayed size in pixels, e.g. width="600" height="200"' },
        ),
      ];
    });
  },
};
