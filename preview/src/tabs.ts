import { h, type Child } from './element.js';

/**
 * A tab group after the WAI-ARIA tabs pattern: role tablist / tab / tabpanel, aria-selected,
 * a roving tabindex (only the selected tab is in the Tab order), ←/→ (wrapping), Home and End
 * move to a tab and select it. A tab that does not apply stays in place, disabled, so the
 * controls after it never move.
 */
export interface Tabs<T extends string> {
  element: HTMLDivElement;
  set(value: T): void;
  setEnabled(value: T, enabled: boolean): void;
}

export interface TabOption<T extends string> {
  value: T;
  label: Child | readonly Child[];
  title?: string;
  /** The tabpanel this tab shows. Tabs may share one (the panel's content follows the selection). */
  panel: HTMLElement;
}

let groups = 0;

export function createTabs<T extends string>(label: string, options: ReadonlyArray<TabOption<T>>, onChange: (value: T) => void): Tabs<T> {
  const group = ++groups;
  const element = h('div', { class: 'segmented', role: 'tablist', 'aria-label': label });
  const tabs = options.map((option) => {
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${group}-${option.value}`,
        'data-value': option.value,
        title: option.title,
        'aria-selected': 'false',
        tabindex: '-1',
      },
      ...[option.label].flat(),
    );
    option.panel.setAttribute('role', 'tabpanel');
    // Focusable, as the pattern asks, so a panel that scrolls can be scrolled from the keyboard.
    option.panel.tabIndex = 0;
    option.panel.id ||= `tabpanel-${group}-${option.value}`;
    tab.setAttribute('aria-controls', option.panel.id);
    tab.addEventListener('click', () => {
      if (tab.getAttribute('aria-disabled') !== 'true') onChange(option.value);
    });
    element.append(tab);
    return { option, tab };
  });
  const sharedPanel = new Set(options.map((option) => option.panel)).size < options.length;

  element.addEventListener('keydown', (event) => {
    const enabled = tabs.filter(({ tab }) => tab.getAttribute('aria-disabled') !== 'true');
    const current = enabled.findIndex(({ tab }) => tab === document.activeElement);
    if (current === -1) return;
    const target =
      event.key === 'ArrowRight'
        ? enabled[(current + 1) % enabled.length]
        : event.key === 'ArrowLeft'
          ? enabled[(current - 1 + enabled.length) % enabled.length]
          : event.key === 'Home'
            ? enabled[0]
            : event.key === 'End'
              ? enabled[enabled.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    target.tab.focus();
    onChange(target.option.value);
  });

  return {
    element,
    set(value) {
      for (const { option, tab } of tabs) {
        const selected = option.value === value;
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
        if (sharedPanel) {
          if (selected) option.panel.setAttribute('aria-labelledby', tab.id);
        } else {
          option.panel.hidden = !selected;
          option.panel.setAttribute('aria-labelledby', tab.id);
        }
      }
    },
    setEnabled(value, enabled) {
      const entry = tabs.find(({ option }) => option.value === value);
      if (!entry) return;
      if (enabled) entry.tab.removeAttribute('aria-disabled');
      else entry.tab.setAttribute('aria-disabled', 'true');
    },
  };
}
