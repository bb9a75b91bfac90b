import { liquidUnsupportedTag } from './liquid-unsupported-tag.js';
import { renderError } from './render-error.js';
import { renderLimit } from './render-limit.js';
import { renderUndefinedAttribute } from './render-undefined-attribute.js';
import { syntaxHandlebars } from './syntax-handlebars.js';
import { syntaxLiquid } from './syntax-liquid.js';

export { liquidUnsupportedTag, renderError, renderLimit, renderUndefinedAttribute, syntaxHandlebars, syntaxLiquid };

/** What rendering a template reports, whichever message part it is (body, subject, SMS). */
export const renderRules = [renderUndefinedAttribute, renderError, renderLimit] as const;
