import type { WhatsappButtonView, WhatsappCountedText, WhatsappView } from '../../src/preview/api-types.js';
import type { FormattedLine, InlineNode, InlineStyle } from '../../src/whatsapp/index.js';
import { h, replaceChildren, type Child } from './element.js';
import { phoneFrame } from './phone-frame.js';
import { stat } from './stat.js';

export interface WhatsappPane {
  element: HTMLElement;
  /** Shows `whatsapp`; with `keepLastGood`, a failed render leaves the previous one in place (and returns true). */
  show(whatsapp: WhatsappView, keepLastGood: boolean): boolean;
}

/** The element WhatsApp's formatting stands for: `*bold*` is bold text, ```` ``` ```` and `` ` `` are monospace. */
const styleTags: Record<InlineStyle, 'strong' | 'em' | 's' | 'code'> = { bold: 'strong', italic: 'em', strike: 's', monospace: 'code', code: 'code' };

/** The parser links only http(s) and `www.` (made https); anything else stays text rather than becoming a link. */
const webLink = /^https?:\/\//i;

/** One formatted run as DOM: every piece of text goes in as a text node (element.ts), so the data can never be markup. */
function inline(node: InlineNode): Child {
  if (node.kind === 'text') return node.text;
  if (node.kind === 'link') return webLink.test(node.href) ? h('a', { href: node.href, target: '_blank', rel: 'noopener' }, node.text) : node.text;
  return h(styleTags[node.kind], { class: `wa-${node.kind}` }, ...node.children.map(inline));
}

function line(formatted: FormattedLine): HTMLElement {
  const content = formatted.nodes.map(inline);
  // A ``` block spanning lines: one text node, its line breaks kept by the style (white-space: pre-wrap).
  if (formatted.kind === 'monospace') return h('div', { class: 'wa-line wa-monospace-block' }, ...content);
  if (formatted.kind === 'quote') return h('div', { class: 'wa-line wa-quote' }, ...content);
  if (formatted.kind === 'paragraph') return h('div', { class: 'wa-line' }, ...content);
  // A bulleted line shows a bullet, whichever of `*` or `-` was written; a numbered one its number.
  const marker = formatted.kind === 'bullet' ? '•' : (formatted.marker ?? '');
  return h('div', { class: `wa-line wa-${formatted.kind}` }, h('span', { class: 'wa-marker' }, marker), h('span', {}, ...content));
}

const buttonGlyphs: Record<WhatsappButtonView['type'], string> = { url: '↗', phone: '✆', quick_reply: '↩' };

function button(view: WhatsappButtonView): HTMLElement {
  const title = view.url ?? view.phone;
  return h(
    'div',
    { class: 'wa-button', 'data-type': view.type, title },
    h('span', { class: 'wa-button-glyph', 'aria-hidden': 'true' }, buttonGlyphs[view.type]),
    h('span', { class: 'wa-button-text' }, view.label.text),
  );
}

function media(view: NonNullable<WhatsappView['media']>): HTMLElement {
  const label = { image: 'Image', video: 'Video', document: 'Document' }[view.type];
  return h(
    'div',
    { class: 'wa-media', 'data-testid': 'whatsapp-media', 'data-type': view.type },
    h('span', { class: 'wa-media-type' }, label),
    webLink.test(view.url) ? h('a', { href: view.url, target: '_blank', rel: 'noopener', class: 'wa-media-url' }, view.url) : view.url,
  );
}

function count(label: string, part: WhatsappCountedText, testId: string): HTMLElement {
  return stat(label, h('span', { class: part.length > part.limit ? 'is-over' : undefined }, part.length), testId, `of ${part.limit} characters`);
}

/**
 * The WhatsApp template message as the recipient's chat shows it: a green bubble with the
 * header (or media) in bold, the body with WhatsApp's formatting applied, the footer small and
 * grey, and the buttons as rows of their own under the bubble; beside it each part's length
 * against its documented limit (src/whatsapp/limits.ts).
 */
export function createWhatsappPane(): WhatsappPane {
  const element = h('div', { class: 'sms-pane whatsapp-pane' });
  let shown: WhatsappView | undefined;

  function render(whatsapp: WhatsappView): void {
    const empty = whatsapp.body.text.trim() === '';
    const bubble = h(
      'div',
      { class: 'wa-bubble', 'data-testid': 'whatsapp-bubble' },
      whatsapp.media && media(whatsapp.media),
      whatsapp.header && h('div', { class: 'wa-header', 'data-testid': 'whatsapp-header' }, whatsapp.header.text),
      h(
        'div',
        { class: 'wa-body', 'data-testid': 'whatsapp-body' },
        ...(empty ? [h('span', { class: 'sms-empty' }, '(empty body: nothing is sent)')] : whatsapp.body.lines.map(line)),
      ),
      whatsapp.footer && h('div', { class: 'wa-footer', 'data-testid': 'whatsapp-footer' }, whatsapp.footer.text),
      h('div', { class: 'wa-time' }, 'now'),
    );
    const buttons = whatsapp.buttons.length > 0 && h('div', { class: 'wa-buttons', 'data-testid': 'whatsapp-buttons' }, ...whatsapp.buttons.map(button));
    const phone = phoneFrame(whatsapp.to, 'whatsapp-to', 'phone-thread wa-thread', h('div', { class: 'wa-message' }, bubble, buttons));

    const stats = h(
      'div',
      { class: 'sms-stats' },
      count('Body', whatsapp.body, 'whatsapp-body-length'),
      whatsapp.header && count('Header', whatsapp.header, 'whatsapp-header-length'),
      whatsapp.footer && count('Footer', whatsapp.footer, 'whatsapp-footer-length'),
      ...whatsapp.buttons.map((view, index) => count(`Button ${index + 1}`, view.label, `whatsapp-button-length-${index + 1}`)),
    );
    replaceChildren(element, phone, h('div', { class: 'sms-details' }, stats));
  }

  return {
    element,
    show(whatsapp, keepLastGood) {
      if (!whatsapp.rendered && keepLastGood && shown?.rendered) return true;
      shown = whatsapp;
      render(whatsapp);
      return false;
    },
  };
}
