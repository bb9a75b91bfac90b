/**
 * The AMPscript the Liquid export writes: constants, personalization strings, inline
 * expressions, script blocks, IF conditions and variable names (forms listed in
 * docs/platform-api.md, "AMPscript: the forms a Liquid export can target").
 */

/** A string constant: AMPscript escapes the delimiting quote by doubling it. */
export function ampscriptString(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * Whether text contains a delimiter SFMC would read as personalization: `%%` (AMPscript)
 * or `{{` (Guide Template Language).
 */
export function containsSfmcDelimiter(text: string): boolean {
  return text.includes('%%') || text.includes('{{');
}

/** Names safe inside `%%name%%`; any other name is read with AttributeValue("name"). */
export function isPersonalizationStringName(name: string): boolean {
  return /^[A-Za-z0-9_]+( [A-Za-z0-9_]+)*$/.test(name);
}

export function personalizationString(attributeName: string): string {
  return `%%${attributeName}%%`;
}

/** Inline output of a function call; a bare variable or constant is output with v(). */
export function inlineOutput(call: string): string {
  return `%%=${call}=%%`;
}

export function scriptBlock(statement: string): string {
  return `%%[ ${statement} ]%%`;
}

export function setFromAttribute(variable: string, attributeName: string): string {
  return scriptBlock(`SET ${variable} = AttributeValue(${ampscriptString(attributeName)})`);
}

/**
 * Hands out one variable per attribute: `@` + the name with characters AMPscript variables
 * cannot hold replaced by `_`, suffixed when two names would collide. Attribute and variable
 * names are case-insensitive in AMPscript, so names are compared lower-cased.
 */
export function createVariableNames(): (attributeName: string) => string {
  const byAttribute = new Map<string, string>();
  const taken = new Set<string>();
  return (attributeName) => {
    const key = attributeName.toLowerCase();
    const known = byAttribute.get(key);
    if (known) return known;
    const base = `@${attributeName.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let variable = base;
    for (let n = 2; taken.has(variable.toLowerCase()); n++) variable = `${base}${n}`;
    byAttribute.set(key, variable);
    taken.add(variable.toLowerCase());
    return variable;
  };
}

export type ComparisonOperator = '==' | '!=' | '>' | '<' | '>=' | '<=';

/** An IF condition; operands are already AMPscript (`@tier`, `"gold"`, `100`). */
export type Condition =
  | { kind: 'not-empty'; operand: string }
  | { kind: 'comparison'; operator: ComparisonOperator; left: string; right: string }
  | { kind: 'junction'; operator: 'AND' | 'OR'; left: Condition; right: Condition }
  | { kind: 'negation'; condition: Condition };

export function renderCondition(condition: Condition): string {
  // Iterative, not recursive: a Liquid condition of thousands of `and`/`or` terms nests one
  // junction per term, deeper than the call stack goes.
  let text = '';
  const pending: (Condition | string)[] = [condition];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next === 'string') text += next;
    else pending.push(...conditionParts(next).reverse());
  }
  return text;
}

/** A condition as text and sub-conditions, in output order. */
function conditionParts(condition: Condition): (Condition | string)[] {
  switch (condition.kind) {
    case 'not-empty':
      return [`NOT Empty(${condition.operand})`];
    case 'comparison':
      return [`${condition.left} ${condition.operator} ${condition.right}`];
    case 'junction':
      return [...junctionOperand(condition.left), ` ${condition.operator} `, ...junctionOperand(condition.right)];
    case 'negation':
      return condition.condition.kind === 'not-empty' ? [`Empty(${condition.condition.operand})`] : ['NOT (', condition.condition, ')'];
  }
}

/** Parenthesized so the grouping never depends on AMPscript's NOT/AND/OR precedence. */
function junctionOperand(condition: Condition): (Condition | string)[] {
  return condition.kind === 'comparison' ? [condition] : ['(', condition, ')'];
}
