/**
 * The fixed lists message.yaml and txkit.config.yaml draw from, without zod: the commands that
 * only read valid settings (plain-settings.ts) need them, and loading zod is a third of `txkit list`.
 */

export const attributeTypes = ['string', 'number', 'boolean', 'date', 'array', 'object'] as const;
export type AttributeType = (typeof attributeTypes)[number];

/**
 * Transactional send events of the Event Notification Service
 * (https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/transactional_email_events.html,
 * .../transactional_sms_events.html), without their `TransactionalSendEvents.` category.
 */
export const sfmcEmailEvents = ['EmailSent', 'EmailNotSent', 'EmailBounced'] as const;
export const sfmcSmsEvents = ['SmsSent', 'SmsNotSent', 'SmsTransient', 'SmsDelivered', 'SmsBounced'] as const;

/** Reporting-webhook metrics of transactional email and SMS (https://docs.customer.io/api/webhooks/). */
export const customerioWebhookMetrics = ['sent', 'delivered', 'bounced', 'dropped', 'failed', 'undeliverable'] as const;

/**
 * The clients that dominate transactional opens, as caniemail names them
 * (`family.platform`): Apple Mail, Gmail web and apps, Outlook for Windows (2016 on), Mac and
 * the web (outlook-com), Yahoo and Samsung Email.
 */
export const defaultEmailClients: readonly string[] = [
  'apple-mail.macos',
  'apple-mail.ios',
  'gmail.desktop-webmail',
  'gmail.mobile-webmail',
  'gmail.ios',
  'gmail.android',
  // Outlook 2016 and later (Word engine) are still a large share of desktop opens; 2019 alone would hide what 2016 lacks.
  'outlook.windows >= 2016',
  'outlook.macos',
  'outlook.outlook-com',
  'yahoo.desktop-webmail',
  'yahoo.ios',
  'yahoo.android',
  'samsung-email.android',
];

/** The kinds of WhatsApp template button (Meta's template components: URL, phone number, quick reply). */
export const whatsappButtonTypes = ['url', 'phone', 'quick_reply'] as const;

/**
 * `targets.sfmc.languageKeys`: how a translation's SFMC keys are made from the default
 * language's. It names `{key}` and `{language}`, and no other placeholder.
 */
export const sfmcLanguageKeysPattern = /^(?=.*\{key\})(?=.*\{language\})(?:[^{}]|\{key\}|\{language\})+$/;
