import type { MessageSummary } from '../../src/preview/api-types.js';
import { h, replaceChildren } from './element.js';
import { icon } from './icons.js';

export interface Sidebar {
  element: HTMLElement;
  update(messages: readonly MessageSummary[], selected: string | undefined): void;
}

function badges(message: MessageSummary): HTMLElement {
  const { errors, warnings } = message.counts;
  return h(
    'span',
    { class: 'badges' },
    errors > 0 && h('span', { class: 'badge badge-error', title: `${errors} error${errors === 1 ? '' : 's'}`, 'data-testid': 'error-count' }, icon('error', 'icon icon-xs'), String(errors)),
    warnings > 0 && h('span', { class: 'badge badge-warning', title: `${warnings} warning${warnings === 1 ? '' : 's'}`, 'data-testid': 'warning-count' }, icon('warning', 'icon icon-xs'), String(warnings)),
  );
}

function channelIcons(message: MessageSummary): HTMLElement {
  if (message.broken) return h('span', { class: 'channels', title: 'message.yaml does not load' }, icon('broken'));
  return h(
    'span',
    { class: 'channels' },
    ...message.channels.map((channel) => h('span', { class: `channel channel-${channel}`, title: channel === 'email' ? 'Email' : 'SMS' }, icon(channel))),
  );
}

/** The message list: channel icons, name, id and problem counts; arrow keys move the selection. */
export function createSidebar(onSelect: (id: string) => void): Sidebar {
  const list = h('nav', { class: 'message-list', 'aria-label': 'Messages' });
  const count = h('span', { class: 'sidebar-count' });
  const element = h('aside', { class: 'sidebar' }, h('div', { class: 'sidebar-header' }, h('span', {}, 'Messages'), count), list);
  let ids: string[] = [];
  let current: string | undefined;

  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = ids.indexOf(current ?? '');
    const next = ids[Math.min(ids.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next !== undefined && next !== current) onSelect(next);
  });

  return {
    element,
    update(messages, selected) {
      ids = messages.map((message) => message.id);
      current = selected;
      count.textContent = String(messages.length);
      if (messages.length === 0) {
        replaceChildren(list, h('p', { class: 'sidebar-empty' }, 'No messages yet. Create a folder with a message.yaml in the workspace.'));
        return;
      }
      const hadFocus = list.contains(document.activeElement);
      replaceChildren(
        list,
        ...messages.map((message) =>
          h(
            'button',
            {
              type: 'button',
              class: `message-item${message.broken ? ' is-broken' : ''}`,
              'data-id': message.id,
              'aria-current': message.id === selected ? 'page' : undefined,
              onclick: () => onSelect(message.id),
            },
            channelIcons(message),
            h('span', { class: 'message-names' }, h('span', { class: 'message-name' }, message.name), h('span', { class: 'message-meta' }, h('span', { class: 'message-id' }, message.id), badges(message))),
          ),
        ),
      );
      if (hadFocus) list.querySelector<HTMLButtonElement>('[aria-current="page"]')?.focus();
    },
  };
}
