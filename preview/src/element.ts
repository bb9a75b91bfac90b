/** Tiny DOM building: user content only ever goes in as text nodes, never as markup. */

export type Child = Node | string | number | null | undefined | false;

type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces the children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A segmented control (tabs, toggles): one button per option, `aria-selected` on the current one. */
export interface Segmented<T extends string> {
  element: HTMLDivElement;
  set(value: T): void;
  setEnabled(value: T, enabled: boolean): void;
}

export function segmented<T extends string>(label: string, options: ReadonlyArray<{ value: T; label: Child | readonly Child[]; title?: string }>, onChange: (value: T) => void): Segmented<T> {
  const buttons = new Map<T, HTMLButtonElement>();
  const element = h('div', { class: 'segmented', role: 'tablist', 'aria-label': label });
  for (const option of options) {
    const button = h('button', { type: 'button', role: 'tab', 'data-value': option.value, title: option.title, onclick: () => onChange(option.value) }, ...[option.label].flat());
    buttons.set(option.value, button);
    element.append(button);
  }
  return {
    element,
    set(value) {
      for (const [candidate, button] of buttons) button.setAttribute('aria-selected', String(candidate === value));
    },
    setEnabled(value, enabled) {
      const button = buttons.get(value);
      if (button) button.hidden = !enabled;
    },
  };
}
