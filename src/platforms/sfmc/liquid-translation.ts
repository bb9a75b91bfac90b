/**
 * Translates Liquid outputs (`{{ }}`) and `if` / `elsif` / `unless` conditions to AMPscript,
 * working on liquidjs' own expression tokens. Only what behaves the same in SFMC is
 * translated; everything else comes back as an `Untranslatable` naming the construct.
 */

import { Tokenizer, TypeGuards, type PropertyAccessToken, type TagToken, type Token } from 'liquidjs';
import {
  ampscriptString,
  containsSfmcDelimiter,
  inlineOutput,
  isPersonalizationStringName,
  personalizationString,
  type ComparisonOperator,
  type Condition,
} from './ampscript.js';
import { untranslatable, type Untranslatable } from './export-problems.js';
import type { FilterToken, OutputToken } from './liquid-tokens.js';
import { resolveSfmcAttribute, type AttributeRead } from './sfmc-attributes.js';

/** What translating needs to know, fixed for one export. */
export interface TranslationScope {
  /** SFMC attribute names by full Liquid path. */
  attributeMap: Readonly<Record<string, string>>;
  /** Paths declared as SFMC profile attributes: the only ones output as `%%name%%`. */
  profilePaths: ReadonlySet<string>;
  /** The template is the text view generated from HTML, where entities are decoded: `escape` is left out. */
  textFromHtml: boolean;
  /** The AMPscript variable that holds an attribute. */
  variableFor: (attributeName: string) => string;
}

/** The AMPscript for one Liquid construct; meaningless when `problems` is not empty. */
export interface Translation<T> {
  ampscript: T;
  reads: AttributeRead[];
  problems: Untranslatable[];
}

type Findings = Omit<Translation<unknown>, 'ampscript'>;

type Operand = { kind: 'attribute'; path: string; name: string; token: Token } | { kind: 'string'; value: string } | { kind: 'number'; value: number };

/** `{{ value | filter ... }}` as a personalization string or inline AMPscript. */
export function translateOutput(token: OutputToken, scope: TranslationScope): Translation<string> {
  const findings: Findings = { reads: [], problems: [] };
  const value = new Tokenizer(token.input, undefined, undefined, token.contentRange).readFilteredValue();
  const [operandToken, ...rest] = value.initial.postfix;
  let operand: Operand | undefined;
  if (!operandToken || rest.length > 0) {
    findings.problems.push(untranslatable(value, 'an output that computes an expression has no AMPscript equivalent', 'output a single attribute'));
  } else {
    operand = readOperand(operandToken, scope, findings);
  }
  const filters = scope.textFromHtml ? value.filters.filter((filter) => !(filter.name === 'escape' && filter.args.length === 0)) : value.filters;
  if (filters.length === 0) {
    return { ampscript: operand ? outputOf(operand, scope, findings) : '', ...findings };
  }
  const subject = operand?.kind === 'attribute' ? operand.path.split('.').at(-1) : undefined;
  let expression = operand ? expressionOf(operand, scope, findings) : '';
  for (const filter of filters) expression = applyFilter(expression, filter, subject, scope, findings);
  return { ampscript: inlineOutput(expression), ...findings };
}

/** The condition of an `if`, `elsif` or `unless` tag (`unless` is negated by the caller). */
export function translateCondition(tag: TagToken, scope: TranslationScope): Translation<Condition> {
  const findings: Findings = { reads: [], problems: [] };
  const argsRange: [number, number] = [tag.contentRange[1] - tag.args.length, tag.contentRange[1]];
  const { postfix } = new Tokenizer(tag.input, undefined, undefined, argsRange).readExpression();
  // Liquid's postfix already encodes its right-to-left and/or grouping; rebuilding the tree
  // from it and parenthesizing every junction keeps that grouping in AMPscript.
  const terms: Term[] = [];
  for (const token of postfix) {
    if (!TypeGuards.isOperatorToken(token)) {
      terms.push({ kind: 'value', token });
      continue;
    }
    const { operator } = token;
    if (operator === 'not') {
      terms.pop();
      findings.problems.push(untranslatable(token, '`not` is a liquidjs extension, not standard Liquid, and is not translated', 'use {% unless %} or !='));
      terms.push(UNTRANSLATED);
      continue;
    }
    const right = terms.pop();
    const left = terms.pop();
    if (!left || !right) return incomplete(argsRange, findings);
    if (operator === 'and' || operator === 'or') {
      const junction = operator === 'and' ? 'AND' : 'OR';
      terms.push({
        kind: 'condition',
        condition: { kind: 'junction', operator: junction, left: conditionOf(left, scope, findings), right: conditionOf(right, scope, findings) },
      });
    } else if (isComparison(operator)) {
      terms.push({ kind: 'condition', condition: compare(operator, left, right, token, scope, findings) });
    } else {
      findings.problems.push(
        untranslatable(
          token,
          `\`${operator}\` has no faithful AMPscript equivalent: it also searches arrays, which SFMC's flat string attributes cannot hold`,
          'have your backend send the answer as a flag attribute, such as trigger.has_gift_card, and test that',
        ),
      );
      terms.push(UNTRANSLATED);
    }
  }
  const [only, ...extra] = terms;
  if (!only || extra.length > 0) return incomplete(argsRange, findings);
  return { ampscript: conditionOf(only, scope, findings), ...findings };
}

function incomplete([begin, end]: [number, number], findings: Findings): Translation<Condition> {
  findings.problems.push(untranslatable({ begin, end }, 'this condition is incomplete', 'compare an attribute with a value'));
  return { ampscript: UNTRANSLATED.condition, ...findings };
}

type Term = { kind: 'value'; token: Token } | { kind: 'condition'; condition: Condition };

/** Stands in for a part that could not be translated, so the rest is still checked. */
const UNTRANSLATED = { kind: 'condition', condition: { kind: 'not-empty', operand: '@untranslated' } } as const satisfies Term;

function conditionOf(term: Term, scope: TranslationScope, findings: Findings): Condition {
  if (term.kind === 'condition') return term.condition;
  if (!TypeGuards.isPropertyAccessToken(term.token)) {
    findings.problems.push(
      untranslatable(term.token, `the condition ${term.token.getText()} is a constant`, 'test an attribute, such as trigger.gift_message'),
    );
    return UNTRANSLATED.condition;
  }
  const operand = readOperand(term.token, scope, findings);
  // Liquid's truthiness (neither nil nor false) reads as "not empty" for SFMC's string
  // attributes, where an attribute that was not sent is empty.
  return operand ? { kind: 'not-empty', operand: expressionOf(operand, scope, findings) } : UNTRANSLATED.condition;
}

const COMPARISONS: readonly string[] = ['==', '!=', '>', '<', '>=', '<='] satisfies ComparisonOperator[];

function isComparison(operator: string): operator is ComparisonOperator {
  return COMPARISONS.includes(operator);
}

/**
 * `==` / `!=` against attributes, strings and numbers; `>` `<` `>=` `<=` only against a number,
 * because AMPscript orders numbers but compares strings only for (in)equality.
 */
function compare(operator: ComparisonOperator, leftTerm: Term, rightTerm: Term, at: Token, scope: TranslationScope, findings: Findings): Condition {
  if (leftTerm.kind !== 'value' || rightTerm.kind !== 'value') {
    findings.problems.push(untranslatable(at, 'a chained comparison has no AMPscript equivalent', 'compare one attribute with one value'));
    return UNTRANSLATED.condition;
  }
  const left = readOperand(leftTerm.token, scope, findings);
  const right = readOperand(rightTerm.token, scope, findings);
  if (!left || !right) return UNTRANSLATED.condition;
  const ordering = operator !== '==' && operator !== '!=';
  const comparesNumbers = left.kind !== 'string' && right.kind !== 'string' && (left.kind === 'number' || right.kind === 'number');
  if (ordering && !comparesNumbers) {
    findings.problems.push(
      untranslatable(
        at,
        `\`${operator}\` orders numbers in AMPscript; between strings, or without a number on either side, Liquid and SFMC can order the values differently`,
        'compare the attribute with a number, such as trigger.total > 100',
      ),
    );
    return UNTRANSLATED.condition;
  }
  // AMPscript's == ignores case ("GOLD" == "gold") where Liquid's does not. Kept, as the
  // documented target form: compared values are codes the backend sends, so their case is fixed.
  const operandText = (operand: Operand) => (operand.kind === 'number' ? String(operand.value) : expressionOf(operand, scope, findings));
  return { kind: 'comparison', operator, left: operandText(left), right: operandText(right) };
}

const FUNCTION_OF_FILTER: Readonly<Record<string, string>> = {
  upcase: 'Uppercase',
  downcase: 'Lowercase',
  // Liquid escapes & < > " '; HTMLEncode escapes those too (its entity spelling may differ, the
  // rendered text does not).
  escape: 'HTMLEncode',
};

function applyFilter(input: string, filter: FilterToken, subject: string | undefined, scope: TranslationScope, findings: Findings): string {
  const fn = Object.hasOwn(FUNCTION_OF_FILTER, filter.name) ? FUNCTION_OF_FILTER[filter.name] : undefined;
  if (fn && filter.args.length === 0) return `${fn}(${input})`;
  const [fallbackToken, ...otherArgs] = filter.args;
  if (filter.name === 'default' && fallbackToken && !Array.isArray(fallbackToken) && otherArgs.length === 0) {
    // Liquid's default replaces nil, false and "", which is what Empty() tests for strings.
    const fallback = readOperand(fallbackToken, scope, findings);
    return fallback ? `IIF(Empty(${input}), ${expressionOf(fallback, scope, findings)}, ${input})` : input;
  }
  findings.problems.push(untranslatableFilter(filter, subject));
  return input;
}

const UNFAITHFUL_FILTERS: Readonly<Record<string, { reason: string; hint?: string }>> = {
  capitalize: {
    reason: "Liquid's capitalize upper-cases the first character and lower-cases the rest, while AMPscript's ProperCase capitalizes every word",
  },
  url_encode: {
    reason:
      "Liquid's url_encode percent-encodes every reserved character and writes spaces as +, while AMPscript's URLEncode writes spaces as %20 and by default encodes nothing else",
  },
  date: {
    reason: "Liquid's date takes strftime formats, while AMPscript's Format and FormatDate take .NET formats and the account's culture",
  },
  default: {
    reason: 'only `default` with one fallback value maps to IIF(Empty(...))',
    hint: 'give default a single fallback value, such as | default: "there"',
  },
};

/** `subject` names the filtered attribute, to suggest a name for the pre-formatted one. */
function untranslatableFilter(filter: FilterToken, subject: string | undefined): Untranslatable {
  const known = Object.hasOwn(UNFAITHFUL_FILTERS, filter.name)
    ? UNFAITHFUL_FILTERS[filter.name]
    : Object.hasOwn(FUNCTION_OF_FILTER, filter.name)
      ? { reason: `${filter.name} is translated only without arguments` }
      : undefined;
  const example = subject ? `, such as trigger.${subject}_formatted` : '';
  // A filter token's end includes the blanks before the next `|`.
  return untranslatable(
    { begin: filter.begin, end: filter.begin + filter.getText().trimEnd().length },
    `the filter \`${filter.name}\` has no faithful AMPscript equivalent${known ? `: ${known.reason}` : ''}`,
    known?.hint ?? `pre-format the value in your API call and send it as its own trigger attribute${example}`,
  );
}

/** An output without filters: `%%name%%` for a declared profile attribute whose name allows it, else v(@variable). */
function outputOf(operand: Operand, scope: TranslationScope, findings: Findings): string {
  if (operand.kind === 'attribute' && scope.profilePaths.has(operand.path) && isPersonalizationStringName(operand.name)) {
    findings.reads.push(readOf(operand));
    return personalizationString(operand.name);
  }
  return inlineOutput(`v(${expressionOf(operand, scope, findings)})`);
}

/** An operand as an AMPscript value: attributes through their variable, numbers as Liquid prints them. */
function expressionOf(operand: Operand, scope: TranslationScope, findings: Findings): string {
  switch (operand.kind) {
    case 'attribute': {
      const variable = scope.variableFor(operand.name);
      findings.reads.push({ ...readOf(operand), variable });
      return variable;
    }
    case 'string':
      return ampscriptString(operand.value);
    case 'number':
      return ampscriptString(String(operand.value));
  }
}

function readOf(operand: Extract<Operand, { kind: 'attribute' }>): AttributeRead {
  return { path: operand.path, name: operand.name, begin: operand.token.begin, end: operand.token.end };
}

function readOperand(token: Token, scope: TranslationScope, findings: Findings): Operand | undefined {
  if (TypeGuards.isPropertyAccessToken(token)) {
    const attribute = resolveAttribute(token, scope);
    if ('path' in attribute) return { kind: 'attribute', ...attribute, token };
    findings.problems.push(attribute);
    return undefined;
  }
  if (TypeGuards.isQuotedToken(token)) {
    if (!containsSfmcDelimiter(token.content)) return { kind: 'string', value: token.content };
    findings.problems.push(
      untranslatable(token, `the string ${token.getText()} contains %% or {{, which SFMC reads as personalization`, 'remove the delimiter from the string'),
    );
    return undefined;
  }
  if (TypeGuards.isNumberToken(token)) return { kind: 'number', value: token.content };
  const hint = TypeGuards.isLiteralToken(token)
    ? 'test the attribute itself, such as {% if trigger.gift_message %}, or compare it with a string or number'
    : 'use an attribute, a string or a number';
  findings.problems.push(untranslatable(token, `${token.getText()} has no AMPscript value with Liquid's meaning`, hint));
  return undefined;
}

/** The SFMC attribute a `customer.*` / `trigger.*` path reads (see resolveSfmcAttribute). */
function resolveAttribute(token: PropertyAccessToken, scope: TranslationScope): { path: string; name: string } | Untranslatable {
  const text = token.getText();
  // A path rooted in a literal (`"text".size`) reads no attribute at all.
  const segments = token.variable ? [undefined] : token.props.map(segmentName);
  const resolved = resolveSfmcAttribute(text, segments, scope.attributeMap);
  return 'path' in resolved ? resolved : untranslatable(token, resolved.message, resolved.hint);
}

/** A path segment's name (`a` in `.a`, `["a"]` or `[0]`), or undefined for a computed key. */
function segmentName(prop: Token): string | undefined {
  if (TypeGuards.isWordToken(prop) || TypeGuards.isQuotedToken(prop)) return prop.content;
  if (TypeGuards.isNumberToken(prop)) return String(prop.content);
  return undefined;
}
