import { h, type Child } from './element.js';

/** A phone showing one conversation: the recipient in its header, `thread` under it (the SMS and WhatsApp panes). */
export function phoneFrame(to: string, toTestId: string, threadClass: string, ...thread: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'phone' },
    h(
      'div',
      { class: 'phone-header' },
      h(
        'div',
        { class: 'phone-contact' },
        h('span', { class: 'phone-avatar', 'aria-hidden': 'true' }),
        h('span', { class: 'phone-to', 'data-testid': toTestId }, to || '(no recipient)'),
      ),
    ),
    h('div', { class: threadClass }, ...thread),
  );
}
