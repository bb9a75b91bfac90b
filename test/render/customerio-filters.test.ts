import { describe, expect, it } from 'vitest';
import { createEngines } from '../../src/render/index.js';
import { renderText } from './compile-text.js';

// Expected strings are the conventional renderings of each locale (thousands separator, decimal
// mark, symbol placement), written out by hand. de-DE puts a no-break space (U+00A0) before €.
const { liquid } = createEngines();
const render = (text: string, trigger: Record<string, unknown> = {}) => renderText(liquid, text, { trigger }, { strict: true });

describe('Customer.io filter: currency', () => {
  it.each([
    ['{{ 1234.5 | currency }}', '$1,234.50'],
    ['{{ 1234.5 | currency: "USD", "en-US" }}', '$1,234.50'],
    ['{{ 1234.5 | currency: "EUR", "de-DE" }}', '1.234,50\u00A0€'],
    ['{{ 1249.99 | currency: "GBP", "en-GB" }}', '£1,249.99'],
    ['{{ 1234.5 | currency: "JPY" }}', '¥1,235'],
    ['{{ 0.5 | currency }}', '$0.50'],
  ])('%s → %s', (text, expected) => {
    expect(render(text)).toEqual({ output: expected, diagnostics: [] });
  });

  it('formats numbers and numeric strings from the sample data', () => {
    expect(
      render('{{ trigger.total | currency: trigger.currency }} / {{ trigger.price | currency }}', { total: 86.5, currency: 'USD', price: '18' }).output,
    ).toBe('$86.50 / $18.00');
  });

  it('leaves a value that is not a number as it is', () => {
    expect(render('{{ trigger.total | currency }}', { total: 'call us' }).output).toBe('call us');
  });

  it('prints the plain number for a currency code Intl does not accept, instead of failing', () => {
    expect(render('{{ 12.5 | currency: "DOLLARS" }}').output).toBe('12.5');
  });
});

describe('Customer.io filter: format_number', () => {
  it.each([
    ['{{ 1234567.891 | format_number }}', '1,234,567.89'],
    ['{{ 1234567 | format_number }}', '1,234,567'],
    ['{{ 3 | format_number: 2 }}', '3.00'],
    ['{{ 2.5 | format_number: 0 }}', '3'],
    ['{{ 1234.5 | format_number: 2, "de-DE" }}', '1.234,50'],
    ['{{ "42.125" | format_number: 1 }}', '42.1'],
  ])('%s → %s', (text, expected) => {
    expect(render(text)).toEqual({ output: expected, diagnostics: [] });
  });

  it('leaves a value that is not a number as it is', () => {
    expect(render('{{ "n/a" | format_number }}').output).toBe('n/a');
  });
});
