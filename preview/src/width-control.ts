import { trackDrag } from './drag.js';
import { h } from './element.js';
import { widthPresets, widthRange, zoomLevels, type Zoom } from './selection.js';

export interface WidthControl {
  /** Toolbar controls: width preset, width in px, zoom. */
  element: HTMLElement;
  /** The handle on the frame's right edge: drag it, or focus it and use ←/→ (Shift: 50 px). */
  handle: HTMLElement;
  set(width: number, zoom: Zoom): void;
}

const presetNames: Readonly<Record<(typeof widthPresets)[number], string>> = {
  320: 'phone S',
  375: 'phone',
  414: 'phone L',
  600: 'email',
  800: 'desktop',
  1024: 'wide',
};

const clampWidth = (width: number): number => Math.round(Math.max(widthRange.min, Math.min(widthRange.max, width)));

/**
 * The email frame's width, free (typed, or dragged on the frame's edge) or from a preset, and
 * the zoom it is shown at. The frame is centred, so its edge moves half as far as its width
 * changes; at a zoom other than 100 % the drag is scaled back to CSS px of the email.
 */
export function createWidthControl(onChange: (change: { width?: number; zoom?: Zoom }) => void): WidthControl {
  const custom = h('option', { value: '', disabled: true }, 'Custom');
  const presets = h(
    'select',
    { class: 'select select-compact', 'aria-label': 'Width preset', 'data-testid': 'width-preset' },
    ...widthPresets.map((width) => h('option', { value: width }, `${width} · ${presetNames[width]}`)),
    custom,
  );
  presets.addEventListener('change', () => onChange({ width: Number(presets.value) }));
  const input = h('input', {
    class: 'number-input',
    type: 'number',
    min: widthRange.min,
    max: widthRange.max,
    step: 1,
    'aria-label': 'Email width in px',
    'data-testid': 'width-input',
  });
  input.addEventListener('change', () => {
    if (input.value !== '' && Number.isFinite(Number(input.value))) onChange({ width: clampWidth(Number(input.value)) });
  });
  const zoom = h(
    'select',
    { class: 'select select-compact', 'aria-label': 'Zoom', 'data-testid': 'zoom-select' },
    h('option', { value: 'fit' }, 'Fit'),
    ...zoomLevels.map((level) => h('option', { value: level }, `${level} %`)),
  );
  zoom.addEventListener('change', () => onChange({ zoom: zoom.value === 'fit' ? 'fit' : Number(zoom.value) }));
  const element = h(
    'div',
    { class: 'width-control' },
    h('label', { class: 'control-label', for: 'width-input' }, 'Width'),
    presets,
    input,
    h('span', { class: 'control-unit', 'aria-hidden': 'true' }, 'px'),
    zoom,
  );
  input.id = 'width-input';

  const handle = h('div', {
    class: 'frame-handle',
    role: 'separator',
    tabindex: '0',
    'aria-orientation': 'vertical',
    'aria-label': 'Email width',
    'aria-valuemin': widthRange.min,
    'aria-valuemax': widthRange.max,
    'data-testid': 'width-handle',
  });
  let width = 800;
  let dragStart = width;
  /** The frame's scale, which the email frame states on its zoom wrapper. */
  const scale = (): number => Number(handle.closest<HTMLElement>('[data-scale]')?.dataset['scale'] ?? 1) || 1;
  trackDrag(
    handle,
    'x',
    () => (dragStart = width),
    (delta) => onChange({ width: clampWidth(dragStart + (2 * delta) / scale()) }),
  );
  handle.addEventListener('keydown', (event) => {
    const step = event.shiftKey ? 50 : 10;
    const next =
      event.key === 'ArrowRight'
        ? width + step
        : event.key === 'ArrowLeft'
          ? width - step
          : event.key === 'Home'
            ? widthRange.min
            : event.key === 'End'
              ? widthRange.max
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onChange({ width: clampWidth(next) });
  });

  return {
    element,
    handle,
    set(nextWidth, nextZoom) {
      width = nextWidth;
      const preset = (widthPresets as readonly number[]).includes(width);
      presets.value = preset ? String(width) : '';
      custom.hidden = preset;
      input.value = String(width);
      handle.setAttribute('aria-valuenow', String(width));
      handle.setAttribute('aria-valuetext', `${width} px`);
      zoom.value = String(nextZoom);
    },
  };
}
