import { isSupportedCountry } from 'libphonenumber-js/max';
import { uniqueDiagnostics, type Diagnostic, type IsRuleEnabled } from '../../diagnostics/index.js';
import { renderSms, type RenderedSms } from '../render-sms.js';
import type { Engines } from '../../render/index.js';
import type { Message, ResolvedConfig, Sample } from '../../workspace/index.js';
import { customerioLinkRewrite } from '../customerio-link-rewrite.js';
import type { PhoneCheckOptions } from '../phone.js';
import { smsMaxSegments, smsMessageRules, smsSampleRules } from '../rules/index.js';
import type { SmsCheckContext } from './sms-check-context.js';
import { worstCaseDiagnostic } from './worst-case.js';

export interface SmsCheckOptions {
  engines: Engines;
  /** `defaultRegion` suggests E.164 forms. */
  config: ResolvedConfig;
  /** A rule txkit.config.yaml turns off is skipped. */
  isEnabled: IsRuleEnabled;
}

export interface SmsSampleCheck {
  /** The SMS as sent for the sample, with its encoding and segments. */
  sms: RenderedSms;
  /** Render problems of the SMS templates, then sms/empty, sms/max-segments, sms/encoding and sms/phone for this sample. */
  diagnostics: Diagnostic[];
}

function phoneOptions(config: ResolvedConfig): PhoneCheckOptions {
  return isSupportedCountry(config.defaultRegion) ? { defaultRegion: config.defaultRegion } : {};
}

function contextFor(message: Message, options: SmsCheckOptions, phone: PhoneCheckOptions): SmsCheckContext | undefined {
  if (!message.sms) return undefined;
  const links = customerioLinkRewrite(message, options.config);
  return { message, sms: message.sms, engines: options.engines, phone, ...(links ? { links } : {}) };
}

function checkSample(context: SmsCheckContext, sample: Sample | undefined, isEnabled: IsRuleEnabled): SmsSampleCheck {
  // Without a sample there is no data to miss: render leniently and check what the template
  // alone writes, which any data only lengthens (an empty result says nothing about real data).
  const sms = renderSms(context.message, sample, { engines: context.engines, strict: sample !== undefined })!;
  const facts = { context, sample, rendered: sms };
  const found = smsSampleRules.filter((rule) => isEnabled(rule.meta.id)).flatMap((rule) => rule.check(facts));
  return { sms, diagnostics: [...sms.diagnostics, ...found].filter((diagnostic) => isEnabled(diagnostic.ruleId)) };
}

/** The same problem found through several samples (a typo in sms.txt) is reported once. */

/**
 * The SMS of one message, checked as the preview shows it for one sample (undefined: no data).
 * Undefined when the message has no SMS channel.
 */
export function checkSmsSample(message: Message, sample: Sample | undefined, options: SmsCheckOptions): SmsSampleCheck | undefined {
  const context = contextFor(message, options, phoneOptions(options.config));
  return context && checkSample(context, sample, options.isEnabled);
}

/**
 * Every SMS check of a message, for `txkit validate`; call it for every message, since phone
 * attributes are checked whatever the channels. Returns, each problem once:
 * - render problems of sms.txt and sms.to for each sample (syntax/*, render/*);
 * - sms/empty, sms/max-segments, sms/encoding and sms/phone for each sample (without
 *   samples: sms/max-segments and sms/encoding for what the template alone writes, and sms/phone
 *   for a literal recipient);
 * - sms/max-segments for the worst case of attribute lengths (see worst-case.ts);
 * - attributes/format for sample values declared `format: e164`;
 * - sfmc/sms-subscription for SMS messages that target SFMC.
 * Severities are the rules' defaults; rules set to `off` in txkit.config.yaml are skipped.
 */
export function checkSmsMessage(message: Message, options: SmsCheckOptions): Diagnostic[] {
  const { isEnabled } = options;
  const phone = phoneOptions(options.config);
  const diagnostics = smsMessageRules.filter((rule) => isEnabled(rule.meta.id)).flatMap((rule) => rule.check({ message, phone }));
  const context = contextFor(message, options, phone);
  if (context) {
    const samples = message.samples.length > 0 ? message.samples : [undefined];
    for (const sample of samples) diagnostics.push(...checkSample(context, sample, isEnabled).diagnostics);
    const worstCase = isEnabled(smsMaxSegments.meta.id) ? worstCaseDiagnostic(context) : undefined;
    if (worstCase) diagnostics.push(worstCase);
  }
  return uniqueDiagnostics(diagnostics.filter((diagnostic) => isEnabled(diagnostic.ruleId)));
}
