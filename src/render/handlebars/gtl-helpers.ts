import Handlebars from 'handlebars';

/**
 * GTL's "empty" (Guide Template Language Syntax Guide, gtlSyntaxGuide): null, undefined, false,
 * 0, NaN, "", {} and []. Handlebars alone treats {} as true.
 */
function isGtlEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === 0 || Number.isNaN(value)) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** The block helpers GTL documents beyond Handlebars' own (gtlBlockHelpers). */
export const gtlBlockHelpers = ['switch', 'case'] as const;

/** What an unknown helper's diagnostic offers instead. */
export const supportedHelpersHint =
  'SFMC GTL documents the block helpers if/else, unless, each, with and switch/case (and Handlebars adds lookup); there is no other helper';

// The switch in progress travels in the data frame, so a {{#case}} nested in {{#each}} still finds it.
/** A helper Handlebars ships (`with`, `each`, …), called through when GTL agrees with it. */
export type BuiltInHelper = (this: unknown, context: unknown, options: Handlebars.HelperOptions) => unknown;

const switchKey = 'txkitSwitch';

interface SwitchState {
  value: unknown;
  matched: boolean;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** SFMC attributes arrive as text, so `{{#case 5}}` matches "5": primitives compare as text. */
function sameCase(a: unknown, b: unknown): boolean {
  return a === b || (isPrimitive(a) && isPrimitive(b) && String(a) === String(b));
}

/**
 * if / unless / with and sections with GTL's empty values (gtlIf, gtlUnless, gtlWith), and switch / case
 * (gtlSwitch): the first matching case renders, `{{else}}` renders when none matched.
 */
export function registerGtlHelpers(handlebars: typeof Handlebars): void {
  const withHelper = handlebars.helpers.with as BuiltInHelper;
  const section = handlebars.helpers.blockHelperMissing as BuiltInHelper;
  // Mustache sections `{{#name}}` / `{{^name}}` (syntax guide, prefixes # and ^): GTL's empty too.
  handlebars.registerHelper('blockHelperMissing', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    return isGtlEmpty(context) ? options.inverse(this) : section.call(this, context, options);
  });
  handlebars.registerHelper('if', function (this: unknown, condition: unknown, options: Handlebars.HelperOptions) {
    return isGtlEmpty(condition) ? options.inverse(this) : options.fn(this);
  });
  handlebars.registerHelper('unless', function (this: unknown, condition: unknown, options: Handlebars.HelperOptions) {
    return isGtlEmpty(condition) ? options.fn(this) : options.inverse(this);
  });
  handlebars.registerHelper('with', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    return isGtlEmpty(context) ? options.inverse(this) : withHelper.call(this, context, options);
  });
  handlebars.registerHelper('switch', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
    const state: SwitchState = { value, matched: false };
    const data = handlebars.createFrame(options.data ?? {}) as Record<string, unknown>;
    data[switchKey] = state;
    const cases = options.fn(this, { data });
    return state.matched ? cases : cases + options.inverse(this);
  });
  handlebars.registerHelper('case', function (this: unknown, value: unknown, options: Handlebars.HelperOptions) {
    const state = (options.data as Record<string, unknown> | undefined)?.[switchKey] as SwitchState | undefined;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- an Error at run time; its typings leave that out
    if (!state) throw new handlebars.Exception('{{#case}} is only valid inside {{#switch}}');
    if (state.matched || !sameCase(value, state.value)) return '';
    state.matched = true;
    return options.fn(this);
  });
}
