import { h, type Child } from './element.js';

/** One figure of a channel's details (label, value, small note under it), as the SMS and WhatsApp panes show them. */
export function stat(label: string, value: Child, testId: string, note?: Child): HTMLElement {
  return h(
    'div',
    { class: 'stat' },
    h('div', { class: 'stat-label' }, label),
    h('div', { class: 'stat-value', 'data-testid': testId }, value),
    note && h('div', { class: 'stat-note' }, note),
  );
}
