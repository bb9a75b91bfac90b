import type { Channel, SendTestResult } from '../../src/preview/api-types.js';
import { fetchSendTargets, sendTest } from './api.js';
import { h, replaceChildren } from './element.js';

export interface SendDialog {
  element: HTMLDialogElement;
  /** Opens the dialog for message `id`, sample, channel and language as shown (`language` only for a translated message). */
  open(id: string, sample: string | null, channel: Channel, language?: string): void;
}

const emailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const e164 = /^\+[1-9]\d{1,14}$/;

/** Why `to` cannot receive `channel`, or undefined (the server checks again, as `txkit send` does). */
function recipientProblem(to: string, channel: Channel): string | undefined {
  if (channel === 'email') return emailAddress.test(to) ? undefined : 'Enter an email address, e.g. you@example.com';
  return e164.test(to) ? undefined : 'Enter a phone number in E.164 form: + country code and number, e.g. +14155552671';
}

const channelNames: Record<Channel, string> = { email: 'email', sms: 'SMS', whatsapp: 'WhatsApp' };

/** txkit sends WhatsApp through Customer.io only (the SFMC target refuses it), so the dialog offers no other target for it. */
const sendsChannel = (target: string, channel: Channel) => channel !== 'whatsapp' || target === 'customerio';

function describe(result: SendTestResult): string {
  const label = { sent: 'Sent', queued: 'Queued', 'not-sent': 'Not sent', refused: 'Refused' }[result.status];
  return [label, result.id, result.detail].filter(Boolean).join(' · ');
}

/**
 * Sends a test of the shown message through a platform, the way `txkit send` does: pick the
 * target (its credentials come from `.env`, where a `txkit sandbox` URL sends to the sandbox)
 * and a recipient; the platform's answer is shown as it came.
 */
export function createSendDialog(): SendDialog {
  const heading = h('h2', { class: 'send-title' });
  const target = h('select', { class: 'select', 'aria-label': 'Target', 'data-testid': 'send-target' });
  const recipient = h('input', {
    class: 'send-recipient',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': 'Recipient',
    'data-testid': 'send-recipient',
  });
  const outcome = h('p', { class: 'send-outcome', role: 'status', 'data-testid': 'send-outcome' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'send-submit' }, 'Send');
  const close = h('button', { type: 'button', class: 'button' }, 'Close');
  const form = h(
    'form',
    { class: 'send-form', method: 'dialog' },
    heading,
    h('label', { class: 'send-field' }, h('span', { class: 'control-label' }, 'Target'), target),
    h('label', { class: 'send-field' }, h('span', { class: 'control-label' }, 'Recipient'), recipient),
    outcome,
    h('div', { class: 'send-actions' }, close, submit),
  );
  const element = h('dialog', { class: 'send-dialog', 'data-testid': 'send-dialog' }, form);
  close.addEventListener('click', () => element.close());

  let message: { id: string; sample: string | null; channel: Channel; language: string | undefined } | undefined;
  const setOutcome = (text: string, tone: 'neutral' | 'ok' | 'error') => {
    outcome.textContent = text;
    outcome.dataset['tone'] = tone;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!message) return;
    const to = recipient.value.trim();
    const problem = recipientProblem(to, message.channel);
    if (problem) {
      setOutcome(problem, 'error');
      return;
    }
    submit.disabled = true;
    setOutcome('Sending…', 'neutral');
    const { sample, language } = message;
    sendTest(message.id, { target: target.value, channel: message.channel, to, ...(sample ? { sample } : {}), ...(language ? { language } : {}) })
      .then((result) => setOutcome(describe(result), result.status === 'sent' || result.status === 'queued' ? 'ok' : 'error'))
      .catch((error: unknown) => setOutcome(`Refused: ${error instanceof Error ? error.message : String(error)}`, 'error'))
      .finally(() => (submit.disabled = false));
  });

  return {
    element,
    open(id, sample, channel, language) {
      message = { id, sample, channel, language };
      const shown = [sample, language].filter(Boolean).join(', ');
      heading.textContent = `Send a test of ${id}${shown ? ` (${shown})` : ''} by ${channelNames[channel]}`;
      recipient.placeholder = channel === 'email' ? 'you@example.com' : '+14155552671';
      setOutcome('', 'neutral');
      element.showModal();
      fetchSendTargets().then(
        (targets) => {
          replaceChildren(target, ...targets.filter((name) => sendsChannel(name, channel)).map((name) => h('option', { value: name }, name)));
          submit.disabled = targets.length === 0;
          if (targets.length === 0) setOutcome('This server cannot send: start it with `txkit dev` to send tests.', 'error');
        },
        (error: unknown) => setOutcome(`Cannot list the targets: ${error instanceof Error ? error.message : String(error)}`, 'error'),
      );
    },
  };
}
