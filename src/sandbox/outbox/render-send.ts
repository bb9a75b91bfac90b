import type { Diagnostic } from '../../diagnostics/index.js';
import { renderEmailWithContext } from '../../email/render-email.js';
import { createEngines, type RenderContext } from '../../render/index.js';
import { renderSmsWithContext } from '../../sms/render-sms.js';
import { renderWhatsappWithContext, whatsappView } from '../../whatsapp/index.js';
import { inLanguage, loadWorkspace, type Message, type ResolvedConfig } from '../../workspace/index.js';
import type { JsonObject } from '../json-values.js';
import type { OutboxChannel, OutboxEmail, OutboxSms, OutboxWhatsapp } from './outbox-entry.js';

/** A send to render: which workspace message it names and the data the request carries. */
export interface SendToRender {
  channel: OutboxChannel;
  /** Says whether a workspace message is the one the send names (its definitionKey, its transactional message id). */
  names(message: Message): boolean;
  /** Builds the template data from the profile (the configured sample's `customer`, or `{}`). */
  context(profile: JsonObject): RenderContext;
  /** The SMS or WhatsApp recipient the request names; the message's `to` template is rendered when absent. */
  to?: string;
  /** The language the request names: its translation is rendered, the default content when the message has none. */
  language?: string;
}

export interface SendRendering {
  /** The workspace message rendered; absent with `unrendered` saying why. */
  message?: string;
  unrendered?: string;
  email?: OutboxEmail;
  sms?: OutboxSms;
  whatsapp?: OutboxWhatsapp;
  diagnostics: Diagnostic[];
}

export type SendRenderer = (send: SendToRender) => Promise<SendRendering>;

export interface SendRendererOptions {
  config: ResolvedConfig;
  /**
   * The sample whose `customer` stands for the recipient's profile (the sandbox keeps no people).
   * Default `sandbox.profileSample` of txkit.config.yaml; without either the profile holds only
   * what the request says.
   */
  profileSample?: string;
}

/**
 * Renders sends from the workspace as it is on disk at the moment of the send (it is read again
 * for each one, so a template edited while the sandbox runs is what the next send shows), with
 * the same pipeline as `txkit render` and the preview.
 */
export function createSendRenderer({ config, profileSample = config.sandbox?.profileSample }: SendRendererOptions): SendRenderer {
  return async (send) => {
    let messages: Message[];
    try {
      messages = (await loadWorkspace(config)).messages;
    } catch (error) {
      return { unrendered: `the workspace ${config.workspace} does not load: ${error instanceof Error ? error.message : String(error)}`, diagnostics: [] };
    }
    const named = messages.find((candidate) => send.names(candidate) && candidate[send.channel] !== undefined);
    if (!named) return { unrendered: `no ${send.channel} message of the workspace has this key`, diagnostics: [] };
    const profile = named.samples.find((sample) => sample.name === profileSample)?.data.customer ?? {};
    const message = (send.language === undefined ? undefined : inLanguage(named, send.language)) ?? named;
    const context = send.context(profile);
    const engines = createEngines(undefined, config);
    if (send.channel === 'email') {
      const email = (await renderEmailWithContext(message, context, { engines }))!;
      const failed = email.html.trim() === '' && email.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
      const { from, subject, preheader, html, text } = email;
      return {
        message: message.id,
        email: { from, subject, preheader, html, text, rendered: !failed },
        diagnostics: [...message.diagnostics, ...email.diagnostics],
      };
    }
    const to = send.to !== undefined ? { to: send.to } : {};
    if (send.channel === 'whatsapp') {
      const whatsapp = renderWhatsappWithContext(message, context, { engines, ...to })!;
      return { message: message.id, whatsapp: whatsappView(whatsapp), diagnostics: [...message.diagnostics, ...whatsapp.diagnostics] };
    }
    const sms = renderSmsWithContext(message, context, { engines, ...to })!;
    return {
      message: message.id,
      sms: { to: sms.to, text: sms.text, analysis: sms.analysis, maxSegments: message.sms!.definition.maxSegments, rendered: sms.bodyRendered },
      diagnostics: [...message.diagnostics, ...sms.diagnostics],
    };
  };
}
