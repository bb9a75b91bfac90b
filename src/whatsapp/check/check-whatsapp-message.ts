import { isSupportedCountry } from 'libphonenumber-js/max';
import { uniqueDiagnostics, type Diagnostic, type IsRuleEnabled } from '../../diagnostics/index.js';
import type { Engines } from '../../render/index.js';
import type { PhoneCheckOptions } from '../../sms/index.js';
import type { Message, ResolvedConfig, Sample } from '../../workspace/index.js';
import { renderWhatsapp, type RenderedWhatsapp } from '../render-whatsapp.js';
import { whatsappSampleRules, whatsappTemplateRules } from '../rules/index.js';
import type { WhatsappCheckContext } from './whatsapp-check-context.js';

export interface WhatsappCheckOptions {
  engines: Engines;
  /** `defaultRegion` suggests E.164 forms. */
  config: ResolvedConfig;
  /** A rule txkit.config.yaml turns off is skipped. */
  isEnabled: IsRuleEnabled;
}

export interface WhatsappSampleCheck {
  whatsapp: RenderedWhatsapp;
  /** Render problems of the WhatsApp templates, then the per-sample whatsapp/* rules. */
  diagnostics: Diagnostic[];
}

function contextFor(message: Message, options: WhatsappCheckOptions): WhatsappCheckContext | undefined {
  if (!message.whatsapp) return undefined;
  const phone: PhoneCheckOptions = isSupportedCountry(options.config.defaultRegion) ? { defaultRegion: options.config.defaultRegion } : {};
  return { message, whatsapp: message.whatsapp, engines: options.engines, phone };
}

function checkSample(context: WhatsappCheckContext, sample: Sample | undefined, isEnabled: IsRuleEnabled): WhatsappSampleCheck {
  // Without a sample, render leniently: what the template alone writes (as checkSmsSample does).
  const whatsapp = renderWhatsapp(context.message, sample, { engines: context.engines, strict: sample !== undefined })!;
  const facts = { context, sample, rendered: whatsapp };
  const found = whatsappSampleRules.filter((rule) => isEnabled(rule.meta.id)).flatMap((rule) => rule.check(facts));
  return { whatsapp, diagnostics: [...whatsapp.diagnostics, ...found].filter((diagnostic) => isEnabled(diagnostic.ruleId)) };
}

/** The WhatsApp message checked for one sample (undefined: no data), as the preview shows it; undefined without a whatsapp channel. */
export function checkWhatsappSample(message: Message, sample: Sample | undefined, options: WhatsappCheckOptions): WhatsappSampleCheck | undefined {
  const context = contextFor(message, options);
  if (!context) return undefined;
  const checked = checkSample(context, sample, options.isEnabled);
  const templates = whatsappTemplateRules.filter((rule) => options.isEnabled(rule.meta.id)).flatMap((rule) => rule.check({ context }));
  return { ...checked, diagnostics: [...checked.diagnostics, ...templates] };
}

/** Every WhatsApp check of a message for `txkit validate`, each problem once: render problems and whatsapp/* for every sample, the template rules once. */
export function checkWhatsappMessage(message: Message, options: WhatsappCheckOptions): Diagnostic[] {
  const context = contextFor(message, options);
  if (!context) return [];
  const samples = message.samples.length > 0 ? message.samples : [undefined];
  const diagnostics = samples.flatMap((sample) => checkSample(context, sample, options.isEnabled).diagnostics);
  diagnostics.push(...whatsappTemplateRules.filter((rule) => options.isEnabled(rule.meta.id)).flatMap((rule) => rule.check({ context })));
  return uniqueDiagnostics(diagnostics);
}
