import type { EmailView } from '../../src/preview/api-types.js';
import { createCodeView } from './code-view.js';
import { createEmailFrame, darkSimulationFor, type FrameDisplay } from './email-frame.js';
import { h, replaceChildren } from './element.js';
import type { EmailTab } from './selection.js';

export interface EmailDisplay extends FrameDisplay {
  tab: EmailTab;
}

export interface EmailPane {
  element: HTMLElement;
  /** Where the Preview | HTML | Plain text tabs show their content. */
  body: HTMLElement;
  /** Shows `email`; with `keepLastGood`, a failed render leaves the previous one in place (and returns true). */
  show(email: EmailView, display: EmailDisplay, keepLastGood: boolean): boolean;
  /** Applies a new tab, width or dark setting to what is shown. */
  redisplay(display: EmailDisplay): void;
}

/** Gmail clips messages whose HTML is larger than this (102 KB). */
const gmailClipBytes = 102 * 1024;

/** "Northwind Supply <orders@northwind.example.com>" → name and address. */
export function parseSender(from: string): { name: string; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(from);
  if (match) return { name: match[1]!.trim() || match[2]!.trim(), address: match[2]!.trim() };
  return { name: from.trim(), address: '' };
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The email as an inbox shows it (sender, subject, preheader), then the body as preview, HTML source or plain text. */
/** `widthHandle` goes on the frame's right edge. */
export function createEmailPane(widthHandle: HTMLElement): EmailPane {
  const avatar = h('div', { class: 'inbox-avatar', 'aria-hidden': 'true' });
  const fromName = h('span', { class: 'inbox-from', 'data-testid': 'inbox-from' });
  const fromAddress = h('span', { class: 'inbox-address' });
  const subject = h('div', { class: 'inbox-subject', 'data-testid': 'inbox-subject' });
  const preheader = h('div', { class: 'inbox-preheader', 'data-testid': 'inbox-preheader' });
  const inbox = h(
    'div',
    { class: 'inbox', title: 'How the message appears in an inbox' },
    avatar,
    h('div', { class: 'inbox-lines' }, h('div', { class: 'inbox-top' }, fromName, fromAddress, h('span', { class: 'inbox-time' }, 'now')), subject, preheader),
  );
  const size = h('span', { class: 'email-size' });
  const darkNote = h('span', { class: 'dark-note' });
  const meta = h('div', { class: 'email-meta' }, size, darkNote);

  const frame = createEmailFrame(widthHandle);
  const source = createCodeView('Rendered HTML', 'html-source');
  const text = h('pre', { class: 'text-view', 'data-testid': 'plain-text' });
  const body = h('div', { class: 'email-body' });
  const element = h('div', { class: 'email-pane' }, inbox, meta, body);

  let shown: EmailView | undefined;
  let display: EmailDisplay = { tab: 'preview', width: 800, zoom: 'fit', dark: false };

  function renderBody(): void {
    if (!shown) return;
    const bytes = new TextEncoder().encode(shown.html).length;
    size.textContent = `HTML ${formatBytes(bytes)}`;
    size.classList.toggle('is-over', bytes > gmailClipBytes);
    size.title =
      bytes > gmailClipBytes
        ? 'Gmail clips messages over 102 KB: the end of this email will be hidden behind "View entire message"'
        : 'Size of the rendered HTML (Gmail clips at 102 KB)';
    darkNote.textContent =
      display.dark && display.tab === 'preview'
        ? darkSimulationFor(shown.html) === 'invert'
          ? 'Dark mode: colours inverted, as the Gmail and Outlook apps do'
          : "Dark mode: the email's own prefers-color-scheme styles, as Apple Mail does"
        : '';
    const current = body.firstElementChild;
    if (display.tab === 'preview') {
      if (current !== frame.element) replaceChildren(body, frame.element);
      frame.show(shown.html, display);
    } else if (display.tab === 'html') {
      source.show(shown.html, 'html');
      if (current !== source.element) replaceChildren(body, source.element);
    } else {
      if (text.textContent !== shown.text) text.textContent = shown.text;
      if (current !== text) replaceChildren(body, text);
    }
  }

  return {
    element,
    body,
    show(email, nextDisplay, keepLastGood) {
      display = nextDisplay;
      if (!email.rendered && keepLastGood && shown?.rendered) {
        renderBody();
        return true;
      }
      shown = email;
      const sender = parseSender(email.from);
      avatar.textContent = (sender.name.match(/\p{L}|\p{N}/u)?.[0] ?? '?').toUpperCase();
      fromName.textContent = sender.name;
      fromAddress.textContent = sender.address ? `<${sender.address}>` : '';
      subject.textContent = email.subject || '(no subject)';
      subject.classList.toggle('is-empty', email.subject === '');
      preheader.textContent = email.preheader || 'No preheader: inboxes show the first text of the body here';
      preheader.classList.toggle('is-empty', email.preheader === '');
      renderBody();
      return false;
    },
    redisplay(nextDisplay) {
      display = nextDisplay;
      renderBody();
    },
  };
}
