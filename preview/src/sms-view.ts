import type { SmsView } from '../../src/preview/api-types.js';
import { h, replaceChildren, type Child } from './element.js';
import { phoneFrame } from './phone-frame.js';
import { stat } from './stat.js';

export interface SmsPane {
  element: HTMLElement;
  /** Shows `sms`; with `keepLastGood`, a failed render leaves the previous one in place (and returns true). */
  show(sms: SmsView, keepLastGood: boolean): boolean;
}

type Ucs2Character = SmsView['analysis']['ucs2Characters'][number];

function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function ucs2Title(character: Ucs2Character): string {
  const fix =
    character.replacement === undefined
      ? 'no GSM-7 look-alike'
      : character.replacement === ''
        ? 'remove it (invisible)'
        : `use ${JSON.stringify(character.replacement)} instead`;
  return `${codePointLabel(character.codePoint)} is not in GSM-7 and switches the whole message to UCS-2: ${fix}`;
}

/** The text of one segment, with every UCS-2-forcing character marked. */
function segmentContent(text: string, start: number, end: number, characters: readonly Ucs2Character[]): Child[] {
  const children: Child[] = [];
  let cursor = start;
  for (const character of characters) {
    if (character.offset < start || character.offset >= end) continue;
    if (character.offset > cursor) children.push(text.slice(cursor, character.offset));
    children.push(h('mark', { class: 'ucs2', title: ucs2Title(character) }, character.char));
    cursor = character.offset + character.char.length;
  }
  if (cursor < end) children.push(text.slice(cursor, end));
  return children;
}

/**
 * The SMS as the recipient's phone shows it, split into the segments it is billed as
 * (alternating tints, numbered), with the characters that force UCS-2 highlighted, and its
 * encoding, length and segment count beside it. A message Customer.io sends with its links
 * rewritten also shows the count as sent, and can show that text instead.
 */
export function createSmsPane(): SmsPane {
  const element = h('div', { class: 'sms-pane' });
  let shown: SmsView | undefined;
  /** Show the text as Customer.io sends it (links replaced) rather than as written. */
  let asSent = false;

  function render(sms: SmsView): void {
    const { text, analysis } = asSent && sms.sent ? sms.sent : sms;
    const multipart = analysis.parts.length > 1;
    const limits = analysis.encoding === 'GSM-7' ? { single: 160, part: 153, unit: 'septets' } : { single: 70, part: 67, unit: 'UTF-16 units' };
    const bubble = h(
      'div',
      { class: `sms-bubble${multipart ? ' is-multipart' : ''}`, 'data-testid': 'sms-text' },
      ...(analysis.parts.length === 0
        ? [h('span', { class: 'sms-empty' }, '(empty message: nothing is sent)')]
        : analysis.parts.map((part, index) =>
            h('span', { class: 'sms-segment', 'data-segment': index + 1 }, ...segmentContent(text, part.start, part.end, analysis.ucs2Characters)),
          )),
    );
    const phone = phoneFrame(sms.to, 'sms-to', 'phone-thread', bubble, h('div', { class: 'sms-time' }, 'Text message · now'));

    const overBudget = analysis.segments > sms.maxSegments;
    const units = analysis.encoding === 'GSM-7' ? analysis.septets : analysis.codeUnits;
    const stats = h(
      'div',
      { class: 'sms-stats' },
      stat('Encoding', analysis.encoding, 'sms-encoding', analysis.encoding === 'GSM-7' ? '160 per segment, 153 when split' : '70 per segment, 67 when split'),
      stat('Characters', analysis.characters, 'sms-characters', `${units} ${limits.unit}`),
      stat(
        'Segments',
        h('span', { class: overBudget ? 'is-over' : undefined }, h('span', { 'data-testid': 'sms-segments' }, analysis.segments)),
        'sms-segments-stat',
        `budget ${sms.maxSegments} (maxSegments)`,
      ),
    );

    const meters = h(
      'ol',
      { class: 'segment-meters', 'aria-label': 'Segments' },
      ...analysis.parts.map((part, index) => {
        const capacity = multipart ? limits.part : limits.single;
        return h(
          'li',
          { class: 'segment-meter' },
          h('span', { class: 'segment-meter-label' }, `Segment ${index + 1}`),
          h(
            'span',
            { class: 'segment-meter-bar' },
            h('span', { class: 'segment-meter-fill', style: `width:${Math.min(100, (part.units / capacity) * 100)}%` }),
          ),
          h('span', { class: 'segment-meter-count' }, `${part.units} / ${capacity}`),
        );
      }),
    );

    // One row per distinct character: a Cyrillic name would otherwise list every letter.
    const distinct = new Map<string, { character: Ucs2Character; count: number }>();
    for (const character of analysis.ucs2Characters) {
      const seen = distinct.get(character.char);
      if (seen) seen.count++;
      else distinct.set(character.char, { character, count: 1 });
    }
    const rows = [...distinct.values()];
    const ucs2 =
      rows.length > 0 &&
      h(
        'div',
        { class: 'ucs2-list', 'data-testid': 'ucs2-list' },
        h(
          'div',
          { class: 'ucs2-title' },
          `${analysis.ucs2Characters.length} character${analysis.ucs2Characters.length === 1 ? '' : 's'} force UCS-2 (70 per segment instead of 160)`,
        ),
        h(
          'ul',
          {},
          ...rows
            .slice(0, 10)
            .map(({ character, count }) =>
              h(
                'li',
                {},
                h('mark', { class: 'ucs2' }, character.char),
                h('code', {}, codePointLabel(character.codePoint)),
                count > 1 && h('span', { class: 'ucs2-count' }, `×${count}`),
                h(
                  'span',
                  { class: 'ucs2-fix' },
                  character.replacement === undefined
                    ? 'no GSM-7 look-alike'
                    : character.replacement === ''
                      ? 'invisible: remove it'
                      : `replace with ${JSON.stringify(character.replacement)}`,
                ),
              ),
            ),
        ),
        rows.length > 10 && h('div', { class: 'ucs2-more' }, `and ${rows.length - 10} more distinct characters`),
      );

    replaceChildren(element, phone, h('div', { class: 'sms-details' }, sentLine(sms), stats, meters, ucs2));
  }

  /** Both counts, and a toggle between the text as written and as Customer.io sends it. */
  function sentLine(sms: SmsView): HTMLElement | undefined {
    const { sent } = sms;
    if (!sent) return undefined;
    const links = `${sent.links} link${sent.links === 1 ? '' : 's'} ${sent.rewrite.kind === 'shortened' ? 'shortened to' : 'tracked at'} ${sent.rewrite.length} characters`;
    const count = (analysis: SmsView['analysis']) =>
      `${analysis.segments} segment${analysis.segments === 1 ? '' : 's'} (${analysis.encoding}, ${analysis.characters} chars)`;
    return h(
      'div',
      { class: 'sms-sent', 'data-testid': 'sms-sent' },
      h(
        'span',
        {},
        `As written: ${count(sms.analysis)} · as Customer.io sends it (${links}): `,
        h('strong', { class: sent.analysis.segments > sms.maxSegments ? 'is-over' : undefined }, count(sent.analysis)),
      ),
      h(
        'label',
        { class: 'sms-sent-toggle' },
        h('input', {
          type: 'checkbox',
          'data-testid': 'sms-sent-toggle',
          checked: asSent,
          onchange: (event: Event) => {
            asSent = (event.target as HTMLInputElement).checked;
            render(sms);
          },
        }),
        ' Show as sent',
      ),
    );
  }

  return {
    element,
    show(sms, keepLastGood) {
      if (!sms.rendered && keepLastGood && shown?.rendered) return true;
      shown = sms;
      render(sms);
      return false;
    },
  };
}
