import type { MessageSummary } from '../../src/preview/api-types.js';
import { h, replaceChildren } from './element.js';
import { icon } from './icons.js';
import { createMessageSearch } from './message-search.js';

export interface Sidebar {
  element: HTMLElement;
  update(messages: readonly MessageSummary[], selected: string | undefined): void;
}

function badges(message: MessageSummary): HTMLElement {
  const { errors, warnings } = message.counts;
  return h(
    'span',
    { class: 'badges' },
    errors > 0 &&
      h(
        'span',
        { class: 'badge badge-error', title: `${errors} error${errors === 1 ? '' : 's'}`, 'data-testid': 'error-count' },
        icon('error', 'icon icon-xs'),
        String(errors),
      ),
    warnings > 0 &&
      h(
        'span',
        { class: 'badge badge-warning', title: `${warnings} warning${warnings === 1 ? '' : 's'}`, 'data-testid': 'warning-count' },
        icon('warning', 'icon icon-xs'),
        String(warnings),
      ),
  );
}

const channelNames: Record<MessageSummary['channels'][number], string> = { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' };

function channelIcons(message: MessageSummary): HTMLElement {
  if (message.broken) return h('span', { class: 'channels', title: 'message.yaml does not load' }, icon('broken'));
  return h(
    'span',
    { class: 'channels' },
    ...message.channels.map((channel) => h('span', { class: `channel channel-${channel}`, title: channelNames[channel] }, icon(channel))),
  );
}

/** The message list: a filter, then channel icons, name, id and problem counts; ↑/↓ move the selection (see message-search.ts). */
export function createSidebar(onSelect: (id: string) => void): Sidebar {
  const list = h('nav', { class: 'message-list', 'aria-label': 'Messages', 'data-testid': 'message-list' });
  const count = h('span', { class: 'sidebar-count', 'data-testid': 'message-count' });
  let messages: readonly MessageSummary[] = [];
  let current: string | undefined;

  const listed = (): MessageSummary[] => messages.filter((message) => search.matches(message.name, message.id));
  const search = createMessageSearch({
    move(step) {
      const ids = listed().map((message) => message.id);
      const index = ids.indexOf(current ?? '');
      const next = index === -1 ? ids[step === 1 ? 0 : ids.length - 1] : ids[Math.min(ids.length - 1, Math.max(0, index + step))];
      if (next !== undefined && next !== current) onSelect(next);
    },
    openFirstMatch() {
      const shown = listed();
      const first = shown[0];
      if (first && !shown.some((message) => message.id === current)) onSelect(first.id);
    },
    filter: render,
  });
  const element = h(
    'aside',
    { class: 'sidebar', 'aria-label': 'Message list' },
    h('div', { class: 'sidebar-header' }, h('h2', { class: 'sidebar-title' }, 'Messages'), count),
    search.element,
    list,
  );

  function render(): void {
    const shown = listed();
    count.textContent = shown.length === messages.length ? String(messages.length) : `${shown.length}/${messages.length}`;
    if (messages.length === 0) {
      replaceChildren(list, h('p', { class: 'sidebar-empty' }, 'No messages yet. Create a folder with a message.yaml in the workspace.'));
      return;
    }
    if (shown.length === 0) {
      replaceChildren(list, h('p', { class: 'sidebar-empty' }, 'No message matches the filter (Esc clears it).'));
      return;
    }
    const hadFocus = list.contains(document.activeElement);
    replaceChildren(
      list,
      ...shown.map((message) =>
        h(
          'button',
          {
            type: 'button',
            class: `message-item${message.broken ? ' is-broken' : ''}`,
            'data-id': message.id,
            'aria-current': message.id === current ? 'page' : undefined,
            onclick: () => onSelect(message.id),
          },
          channelIcons(message),
          h(
            'span',
            { class: 'message-names' },
            h('span', { class: 'message-name' }, message.name),
            h('span', { class: 'message-meta' }, h('span', { class: 'message-id' }, message.id), badges(message)),
          ),
        ),
      ),
    );
    const selected = list.querySelector<HTMLButtonElement>('[aria-current="page"]');
    if (hadFocus) selected?.focus();
    selected?.scrollIntoView({ block: 'nearest' });
  }

  return {
    element,
    update(nextMessages, selected) {
      messages = nextMessages;
      current = selected;
      render();
    },
  };
}
