import { valueAtPath, type JsonObject } from './json-values.js';

/**
 * The `$filter` forms SFMC clients send: `customerKey eq KEY`, `customerKey eq 'KEY'`,
 * `status neq deleted`. Values compare case-insensitively, as SFMC treats keys and statuses.
 * Returns undefined for a filter it cannot read, so the route can answer 400.
 */
export function applyFilter<T extends JsonObject>(items: T[], query: URLSearchParams): T[] | undefined {
  const expression = query.get('$filter');
  if (expression === null) return items;
  const parsed = /^\s*([\w.]+)\s+(eq|neq)\s+'?(.*?)'?\s*$/i.exec(expression);
  if (!parsed) return undefined;
  const [, field = '', operator = '', value = ''] = parsed;
  const wanted = operator.toLowerCase() === 'eq';
  return items.filter((item) => (String(valueAtPath(item, field)).toLowerCase() === value.toLowerCase()) === wanted);
}

export interface Page<T> {
  page: number;
  pageSize: number;
  items: T[];
}

/** A 1-based page of `items`; missing or invalid numbers mean page 1 of 50. */
export function pageOf<T>(items: T[], requestedPage: unknown, requestedPageSize: unknown): Page<T> {
  const page = positiveInteger(requestedPage) ?? 1;
  const pageSize = positiveInteger(requestedPageSize) ?? 50;
  return { page, pageSize, items: items.slice((page - 1) * pageSize, page * pageSize) };
}

/** The page a GET list asks for with `$page` and `$pageSize` (Content Builder also spells it `$pagesize`). */
export function pageFromQuery<T>(items: T[], query: URLSearchParams): Page<T> {
  return pageOf(items, query.get('$page'), query.get('$pageSize') ?? query.get('$pagesize'));
}

function positiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}
