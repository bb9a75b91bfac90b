import type { Channel, MessageView } from '../../src/preview/api-types.js';
import { h } from './element.js';

/** The same prefix as the server's renderedMessageBase (src/preview/middlewares/rendered-message.ts). */
const renderedMessageBase = '/__txkit/message/';

/** Where the message, rendered with its sample in its language, is a page of its own: the email's HTML, or the SMS text. */
export function renderedMessageUrl(view: MessageView, channel: 'email' | 'sms'): string {
  const params = new URLSearchParams();
  if (view.sample) params.set('sample', view.sample);
  if (view.languages.length > 1) params.set('language', view.language);
  const query = params.size > 0 ? `?${params}` : '';
  return `${renderedMessageBase}${encodeURIComponent(view.id)}/${channel === 'email' ? 'email.html' : 'sms.txt'}${query}`;
}

export interface ShareActions {
  element: HTMLElement;
  /** Offers the actions for `view` on `channel` (none without a view; WhatsApp has no page of its own, only its text and a test send). */
  show(view: MessageView | undefined, channel: Channel): void;
}

/**
 * Ways out of the preview: open the rendered message in a tab of its own (a URL to share on the
 * network with `--host`), copy its HTML or text, and send a test (`onSendTest` opens the dialog).
 */
export function createShareActions(onSendTest: (channel: Channel) => void): ShareActions {
  const open = h(
    'a',
    { class: 'button', target: '_blank', rel: 'noopener', 'data-testid': 'open-in-tab', title: 'The rendered message as a page of its own' },
    'Open in new tab',
  );
  const copyHtml = h('button', { type: 'button', class: 'button', 'data-testid': 'copy-html' }, 'Copy HTML');
  const copyText = h('button', { type: 'button', class: 'button', 'data-testid': 'copy-text' }, 'Copy text');
  let shownChannel: Channel = 'email';
  const sendTest = h('button', { type: 'button', class: 'button', 'data-testid': 'send-test', onclick: () => onSendTest(shownChannel) }, 'Send test…');
  const element = h('div', { class: 'share-actions' }, open, copyHtml, copyText, sendTest);
  let html = '';
  let text = '';

  const copier = (button: HTMLButtonElement, label: string, value: () => string) => {
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(value()).then(
        () => (button.textContent = 'Copied'),
        () => (button.textContent = 'Copy failed'),
      );
      setTimeout(() => (button.textContent = label), 1500);
    });
  };
  copier(copyHtml, 'Copy HTML', () => html);
  copier(copyText, 'Copy text', () => text);

  return {
    element,
    show(view, channel) {
      const rendered = channel === 'email' ? view?.email : channel === 'sms' ? view?.sms : view?.whatsapp;
      element.hidden = !view || !rendered;
      if (!view || !rendered) return;
      shownChannel = channel;
      open.hidden = channel === 'whatsapp';
      if (channel !== 'whatsapp') open.href = renderedMessageUrl(view, channel);
      html = view.email?.html ?? '';
      text = channel === 'whatsapp' ? (view.whatsapp?.body.text ?? '') : (view[channel]?.text ?? '');
      copyHtml.hidden = channel !== 'email';
      copyHtml.disabled = !rendered.rendered;
      copyText.disabled = !rendered.rendered;
    },
  };
}
