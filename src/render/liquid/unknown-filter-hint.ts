import { editDistance } from '../../diagnostics/did-you-mean.js';

/** The closest known names: within a third of the name's length, or sharing its first word (`money_with_currency` → `currency`). */
function closestNames(name: string, known: readonly string[], limit = 3): string[] {
  const firstWord = name.split('_')[0]!;
  return known
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .filter(
      ({ candidate, distance }) =>
        distance <= Math.max(2, Math.floor(name.length / 3)) || candidate.split('_').includes(firstWord) || name.split('_').includes(candidate),
    )
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** The hint of an unknown filter: the nearest real filters, and where the full list is. */
export function unknownFilterHint(name: string, known: readonly string[]): string {
  const near = closestNames(name, known);
  const suggestion = near.length > 0 ? `did you mean ${near.map((filter) => `"${filter}"`).join(', ')}? ` : '';
  return `${suggestion}Customer.io supports the filters listed in docs/languages.md ("Customer.io Liquid"), from https://docs.customer.io/messaging/liquid/tag-list/`;
}
