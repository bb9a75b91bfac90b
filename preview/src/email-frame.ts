import { h } from './element.js';
import type { Zoom } from './selection.js';

/** Up to this width the frame is drawn in a phone's bezel. */
const phoneWidth = 480;

export type DarkSimulation = 'email-styles' | 'invert';

const darkQuery = /\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi;
const lightQuery = /\(\s*prefers-color-scheme\s*:\s*light\s*\)/gi;

/**
 * Dark mode is simulated in one of the two ways real clients darken email:
 * - the email has `@media (prefers-color-scheme: dark)` rules: they are made to apply, as in
 *   Apple Mail and iOS Mail (the query is rewritten to one that always matches, because a
 *   sandboxed srcdoc frame cannot be told the OS prefers dark);
 * - it has none: colours are inverted with the hue kept (`invert(1) hue-rotate(180deg)`) and
 *   images inverted back, close to what the Gmail and Outlook apps do to light-only email.
 */
export function darkSimulationFor(html: string): DarkSimulation {
  return html.search(darkQuery) === -1 ? 'invert' : 'email-styles';
}

const invertStyle =
  'html{filter:invert(1) hue-rotate(180deg);background:#fff}' +
  'img,picture,video,svg,[background],[style*="background-image"]{filter:invert(1) hue-rotate(180deg)}';

/** Our additions go last in <head> so they win over the email's own rules of equal weight. */
function injectIntoHead(html: string, markup: string): string {
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd !== -1) return html.slice(0, headEnd) + markup + html.slice(headEnd);
  const htmlStart = /<html[^>]*>/i.exec(html);
  if (htmlStart) return html.slice(0, htmlStart.index + htmlStart[0].length) + markup + html.slice(htmlStart.index + htmlStart[0].length);
  return markup + html;
}

/** The document shown in the frame: links open in a new tab (`<base target="_blank">`) instead of navigating the frame away; dark mode if asked. */
export function frameDocument(html: string, dark: boolean): string {
  let markup = /<base\s/i.test(html) ? '' : '<base target="_blank">';
  let body = html;
  if (dark && darkSimulationFor(html) === 'email-styles') {
    body = html.replace(darkQuery, '(min-width: 0px)').replace(lightQuery, '(max-width: 0px)');
    markup += '<style data-txkit-preview>:root{color-scheme:dark}</style>';
  } else if (dark) {
    markup += `<style data-txkit-preview>${invertStyle}</style>`;
  }
  return injectIntoHead(body, markup);
}

export interface FrameDisplay {
  width: number;
  zoom: Zoom;
  dark: boolean;
}

export interface EmailFrame {
  element: HTMLElement;
  show(html: string, options: FrameDisplay): void;
}

const minimumHeight = 320;

/**
 * What the email frame may do: open its links in a new tab that is a normal page (the link's
 * site loads as it would from a mail client). Never scripts, forms or same-origin.
 */
export const emailFrameSandbox = 'allow-popups allow-popups-to-escape-sandbox';

/**
 * The rendered email in an iframe sandboxed with `emailFrameSandbox` (no scripts, an opaque origin), filled
 * through `srcdoc`. The frame is as tall as the email, so the page scrolls instead of the
 * frame and the reading position survives every update. The height comes from a hidden twin
 * frame, `sandbox="allow-same-origin"` without scripts, which the page can measure; the shown
 * frame keeps its height until the twin has laid out the new content.
 *
 * Zoom scales the frame (and `handle`, on its right edge) with a transform; the wrapper takes
 * the scaled size, so the page scrolls over what is actually drawn, and states the scale in
 * `data-scale`. "Fit" is the largest scale up to 100 % at which the frame fits the width
 * available.
 */
export function createEmailFrame(handle: HTMLElement): EmailFrame {
  const frame = h('iframe', { class: 'email-frame', sandbox: emailFrameSandbox, title: 'Rendered email', 'data-testid': 'email-frame' });
  const twin = h('iframe', { class: 'email-twin', sandbox: 'allow-same-origin', 'aria-hidden': 'true', tabindex: '-1', title: 'Layout measurement' });
  const shell = h('div', { class: 'frame-shell' }, frame, handle);
  const element = h('div', { class: 'frame-zoom', 'data-scale': '1' }, shell, twin);
  frame.style.height = `${minimumHeight}px`;
  let zoom: Zoom = 'fit';

  function layoutZoom(): void {
    const available = element.parentElement?.clientWidth ?? 0;
    const scale = zoom === 'fit' ? (available > 0 ? Math.min(1, available / shell.offsetWidth) : 1) : zoom / 100;
    shell.style.transform = scale === 1 ? '' : `scale(${scale})`;
    element.style.width = `${shell.offsetWidth * scale}px`;
    element.style.height = `${shell.offsetHeight * scale}px`;
    element.dataset['scale'] = String(scale);
  }
  new ResizeObserver(layoutZoom).observe(shell);
  const observeParent = new ResizeObserver(layoutZoom);

  const measure = (): void => {
    const document = twin.contentDocument;
    if (!document?.documentElement) return;
    const height = Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0, minimumHeight);
    frame.style.height = `${height}px`;
  };
  twin.addEventListener('load', measure);

  let shownWidth: number | undefined;
  return {
    element,
    show(html, options) {
      const document = frameDocument(html, options.dark);
      shell.dataset['device'] = options.width <= phoneWidth ? 'phone' : 'desktop';
      const width = `${options.width}px`;
      frame.style.width = width;
      twin.style.width = width;
      if (frame.srcdoc !== document) {
        frame.srcdoc = document;
        twin.srcdoc = document;
      } else if (shownWidth !== options.width) {
        requestAnimationFrame(measure);
      }
      shownWidth = options.width;
      zoom = options.zoom;
      if (element.parentElement) observeParent.observe(element.parentElement);
      layoutZoom();
    },
  };
}
