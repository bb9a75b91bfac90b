import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { CompatCheckInput } from '../compat/compat-input.js';
import { styleDeclarations } from '../html-elements.js';
import type { FeatureUsage } from '../compat/feature-usages.js';

/** A colour in a CSS value: hex, a colour function, or a named colour other than transparent. */
const colour =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|\b(?!transparent\b|none\b|no-repeat\b|repeat\b|center\b|top\b|bottom\b|left\b|right\b|cover\b|contain\b|url\b|inherit\b|initial\b|auto\b)[a-z]{3,}\b/i;

/**
 * A background image needs a background colour behind it: Outlook for Windows shows no CSS
 * background image, and clients that block images show none, so the text on top must stay
 * readable on the colour. MJML's background-url writes VML and a colour itself.
 */
export const emailBgImageFallback: CheckRule<CompatCheckInput> = {
  meta: {
    id: 'email/bg-image-fallback',
    defaultSeverity: 'warning',
    docs: 'An element with a background image also has a background colour (bgcolor or background-color) for clients that show no image',
  },
  check(input) {
    return input.page.elements.flatMap((element) => {
      const style = styleDeclarations(element.attributes.style ?? '');
      const image =
        [style.get('background-image'), style.get('background')].some((value) => value !== undefined && /url\(/i.test(value)) ||
        'background' in element.attributes;
      if (!image) return [];
      const background = style.get('background')?.replace(/url\([^)]*\)/gi, '') ?? '';
      const hasColour = 'bgcolor' in element.attributes || colour.test(style.get('background-color') ?? '') || colour.test(background);
      if (hasColour) return [];
      const usage: FeatureUsage =
        'background' in element.attributes
          ? { slug: 'html-background', offset: element.start, site: { kind: 'attribute', element, name: 'background' } }
          : {
              slug: 'css-background-image',
              offset: element.start,
              site: { kind: 'inline-style', element, property: style.has('background-image') ? 'background-image' : 'background' },
            };
      const location = input.sourceOf(usage);
      if (!location) return [];
      return [
        ruleDiagnostic(emailBgImageFallback, location, `<${element.name}> has a background image but no background colour to fall back on`, {
          hint: 'add bgcolor="#…" or background-color: #… in a colour the text stays readable on',
        }),
      ];
    });
  },
};
