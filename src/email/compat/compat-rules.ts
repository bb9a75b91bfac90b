import { bgImageFallbackRule } from './bg-image-fallback.js';
import type { CompatRule } from './compat-input.js';
import { compatRule } from './compat-rule.js';
import { imgDimensionsRule } from './img-dimensions.js';
import { imgFormatRule } from './img-format.js';
import { linkSchemeRule } from './link-scheme.js';
import { linkTextRule } from './link-text.js';

/** The email-client compatibility rules, in the order their diagnostics are listed. */
export const compatRules: readonly CompatRule[] = [compatRule, imgFormatRule, imgDimensionsRule, bgImageFallbackRule, linkSchemeRule, linkTextRule];
