import { h } from './element.js';

export interface MessageSearch {
  element: HTMLElement;
  input: HTMLInputElement;
  /** Whether a message named `name` with id `id` matches the query (case-insensitive, anywhere in either). */
  matches(name: string, id: string): boolean;
}

export interface MessageNavigation {
  /** Selects the next (1) or previous (-1) message of those listed. */
  move(step: 1 | -1): void;
  /** Enter in the search box: opens the first match unless the open message is one. */
  openFirstMatch(): void;
  /** The query changed: the list shows only what matches. */
  filter(): void;
}

/** Typing in these keeps its keys: ↑/↓ move the caret or the value there, not the message. */
function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio' && target.type !== 'button'))
  );
}

/**
 * The message filter above the list. `/` focuses it from anywhere but a text field; Esc
 * clears it; ↑/↓ in it, and anywhere but a text field, move through the listed messages;
 * Enter in it opens the first match.
 */
export function createMessageSearch(navigation: MessageNavigation): MessageSearch {
  const input = h('input', {
    type: 'search',
    class: 'search-input',
    placeholder: 'Filter messages  /',
    'aria-label': 'Filter messages',
    'aria-keyshortcuts': '/',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'message-search',
  });
  input.addEventListener('input', () => navigation.filter());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      input.value = '';
      navigation.filter();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      navigation.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      navigation.openFirstMatch();
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    if (event.key === '/') {
      event.preventDefault();
      input.focus();
      input.select();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      navigation.move(event.key === 'ArrowDown' ? 1 : -1);
    }
  });

  return {
    element: h('div', { class: 'search', role: 'search' }, input),
    input,
    matches(name, id) {
      const query = input.value.trim().toLowerCase();
      return query === '' || name.toLowerCase().includes(query) || id.toLowerCase().includes(query);
    },
  };
}
