import { trackDrag } from './drag.js';
import { h } from './element.js';

/** A panel's remembered layout: its size in px (none: the panel's own default) and whether it is collapsed. */
export interface PanelLayout {
  size?: number;
  collapsed: boolean;
}

export interface ResizablePanelOptions {
  /** Names the localStorage entry and the CSS variable `--<name>-size` set on the panel (its stylesheet sizes it by that). */
  name: string;
  /** What the panel is, e.g. "message list": names the separator ("Resize the message list") and the collapse button. */
  label: string;
  panel: HTMLElement;
  /** x: a side panel (a vertical separator, ←/→); y: a bottom panel (a horizontal separator, ↑/↓). */
  axis: 'x' | 'y';
  /** 1 when moving the separator right / down grows the panel (it sits left of / above it), -1 otherwise. */
  growth: 1 | -1;
  min: number;
  /** The largest size that still leaves room for the rest, read when needed (it follows the window). */
  max: () => number;
  defaults: PanelLayout;
}

export interface ResizablePanel {
  separator: HTMLElement;
  /** Collapses or expands the panel (aria-expanded); for the panel's header. */
  toggle: HTMLButtonElement;
  setCollapsed(collapsed: boolean): void;
}

const storagePrefix = 'txkit.preview.panel.';
const keyboardStep = 16;

function readLayout(name: string, defaults: PanelLayout): PanelLayout {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storagePrefix + name) ?? 'null');
    if (stored && typeof stored === 'object') {
      const { size, collapsed } = stored as Record<string, unknown>;
      return { ...(typeof size === 'number' && Number.isFinite(size) ? { size } : {}), collapsed: collapsed === true };
    }
  } catch {
    // Unreadable or unavailable storage: the defaults.
  }
  return defaults;
}

/**
 * Makes `panel` resizable through a separator (role="separator", focusable, aria-valuenow in
 * px): drag it, or focus it and use the arrow keys, ←/→ for a vertical separator and ↑/↓ for a
 * horizontal one (Home / End: smallest / largest, Enter: collapse or expand), as the WAI-ARIA
 * Window Splitter pattern has it (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/). Size and collapsed state are kept in localStorage per panel name.
 */
export function createResizablePanel(options: ResizablePanelOptions): ResizablePanel {
  const { name, panel, axis, growth, min } = options;
  const variable = `--${name}-size`;
  panel.id ||= `panel-${name}`;
  panel.dataset['panel'] = name;
  const separator = h('div', {
    class: `separator separator-${axis}`,
    role: 'separator',
    tabindex: '0',
    'aria-label': `Resize the ${options.label}`,
    'aria-controls': panel.id,
    'aria-orientation': axis === 'x' ? 'vertical' : 'horizontal',
    'data-testid': `${name}-separator`,
  });
  const toggle = h('button', { type: 'button', class: `panel-toggle panel-toggle-${name}`, 'aria-controls': panel.id, 'data-testid': `${name}-toggle` });
  toggle.addEventListener('click', () => update({ ...layout, collapsed: !layout.collapsed }));
  let layout = readLayout(name, options.defaults);

  const measured = (): number => Math.round(axis === 'x' ? panel.getBoundingClientRect().width : panel.getBoundingClientRect().height);
  const clamp = (size: number): number => Math.round(Math.max(min, Math.min(Math.max(min, options.max()), size)));

  function apply(): void {
    if (layout.size === undefined) panel.style.removeProperty(variable);
    else panel.style.setProperty(variable, `${layout.size}px`);
    panel.dataset['collapsed'] = String(layout.collapsed);
    separator.setAttribute('aria-valuemin', String(min));
    separator.setAttribute('aria-valuemax', String(Math.max(min, Math.round(options.max()))));
    separator.setAttribute('aria-valuenow', String(layout.collapsed ? 0 : (layout.size ?? measured())));
    toggle.setAttribute('aria-expanded', String(!layout.collapsed));
    toggle.setAttribute('aria-label', `${layout.collapsed ? 'Expand' : 'Collapse'} the ${options.label}`);
    toggle.title = toggle.getAttribute('aria-label')!;
  }

  function update(next: PanelLayout): void {
    layout = next;
    apply();
    try {
      localStorage.setItem(storagePrefix + name, JSON.stringify(layout));
    } catch {
      // Storage unavailable (private mode): the layout lasts for this page only.
    }
  }

  const resize = (size: number): void => update({ size: clamp(size), collapsed: false });

  separator.addEventListener('keydown', (event) => {
    const [less, more] = axis === 'x' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    const current = layout.collapsed ? min : (layout.size ?? measured());
    if (event.key === less || event.key === more) resize(current + (event.key === more ? growth : -growth) * keyboardStep);
    else if (event.key === 'Home') resize(min);
    else if (event.key === 'End') resize(options.max());
    else if (event.key === 'Enter') update({ ...layout, collapsed: !layout.collapsed });
    else return;
    event.preventDefault();
  });

  let dragStart = 0;
  trackDrag(
    separator,
    axis,
    () => (dragStart = layout.collapsed ? min : measured()),
    (delta) => resize(dragStart + growth * delta),
  );

  // A content-sized panel changes size with its content; keep aria-valuenow true.
  new ResizeObserver(() => {
    if (!layout.collapsed && layout.size === undefined) separator.setAttribute('aria-valuenow', String(measured()));
  }).observe(panel);
  apply();

  return {
    separator,
    toggle,
    setCollapsed(collapsed) {
      if (collapsed !== layout.collapsed) update({ ...layout, collapsed });
    },
  };
}
