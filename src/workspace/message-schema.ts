import { z } from 'zod';
import { whatsappSchema } from './whatsapp-schema.js';
import { attributeTypes, sfmcEmailEvents, sfmcLanguageKeysPattern, sfmcSmsEvents, type AttributeType } from './settings-vocabulary.js';

/**
 * The schema of `templates/<message>/message.yaml`. Objects are strict so a misspelt key is
 * reported instead of silently ignored. `z.toJSONSchema` turns it into the editor schema
 * (`schema/message.schema.json`).
 */

export interface AttributeSpec {
  type: AttributeType;
  required: boolean;
  description?: string | undefined;
  example?: unknown;
  maxLength?: number | undefined;
  format?: 'e164' | 'email' | 'url' | undefined;
  /** SFMC: a subscriber profile attribute, exported as the personalization string `%%name%%`. */
  profile?: boolean | undefined;
  /** For `type: object`, its fields; for `type: array`, the fields of each element. */
  fields?: Record<string, AttributeSpec> | undefined;
}

const attributeName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'an attribute name is letters, digits, _ or -');

export const attributeSpecSchema: z.ZodType<AttributeSpec> = z.lazy(() =>
  z
    .object({
      type: z.enum(attributeTypes).describe('Value type in the sample data and at send time'),
      required: z.boolean().default(false).describe('Every send carries this attribute'),
      description: z.string().optional(),
      example: z.unknown().optional().describe('An example value, used by the preview and worst-case checks'),
      maxLength: z.number().int().positive().optional().describe('Longest value the platform may send (worst-case SMS length check)'),
      format: z.enum(['e164', 'email', 'url']).optional().describe('Checked on sample values; e164 = +14155552671'),
      profile: z
        .boolean()
        .optional()
        .describe('SFMC: a profile attribute of the subscriber (exported as %%name%%); other attributes are read with AttributeValue("name")'),
      fields: z.record(attributeName, attributeSpecSchema).optional().describe('Fields of an object, or of each element of an array'),
    })
    .strict(),
);

const attributeMapSchema = z.record(attributeName, attributeSpecSchema);

/** `email.translations.fr: { subject, preheader }`: the inbox lines of one translation. */
const emailTranslationsSchema = z.record(
  z.string(),
  z
    .object({
      subject: z.string().min(1).optional().describe('Subject in this language'),
      preheader: z.string().optional().describe('Preheader in this language'),
    })
    .strict(),
);

export const emailSchema = z
  .object({
    subject: z.string().min(1).describe('Subject line; may use personalization'),
    preheader: z.string().optional().describe('Inbox preview text; injected as hidden text when the body has none'),
    from: z.string().min(1).describe('Sender, e.g. "Shop <orders@example.com>"'),
    replyTo: z.string().optional(),
    body: z
      .string()
      .regex(/\.(mjml|html)$/, 'the email body is an .mjml or .html file')
      .default('email.mjml'),
    text: z.string().optional().describe('Explicit plain-text file; generated from the HTML when absent'),
    translations: emailTranslationsSchema
      .optional()
      .describe('Subject and preheader per language of locales (txkit.config.yaml); the body is email.<language>.mjml beside email.mjml'),
  })
  .strict();

export const smsSchema = z
  .object({
    body: z.string().default('sms.txt'),
    to: z.string().min(1).describe('Recipient: an E.164 number or a template such as {{ customer.phone }}'),
    maxSegments: z.number().int().min(1).max(10).default(1).describe('1 = the 160-character limit (one GSM-7 segment)'),
    smartEncoding: z.boolean().optional().describe('Replace typographic characters with GSM-7 look-alikes at render'),
  })
  .strict();

const definitionKey = z.string().min(1).max(36);

const sfmcEventsSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'an http(s) URL' })
      .describe('Callback URL that receives the notifications (SFMC requires https://host[/path], no port or query)'),
    events: z
      .array(z.enum([...sfmcEmailEvents, ...sfmcSmsEvents]))
      .min(1)
      .describe('Event types: email ones subscribe the email definition, SMS ones the SMS definition'),
  })
  .strict()
  .describe("Event Notification Service callback and subscription for this message's definitions");

export const sfmcTargetSchema = z
  .object({
    definitionKey: definitionKey.optional().describe('Transactional email send definition key (messages with email)'),
    customerKey: z.string().min(1).max(36).optional().describe('Content Builder htmlemail asset key (messages with email)'),
    name: z.string().optional().describe('Definition name (defaults to the message name)'),
    classification: z.string().default('Default Transactional'),
    status: z.enum(['Active', 'Inactive']).default('Active'),
    trackLinks: z.boolean().default(true),
    categoryId: z.number().int().optional().describe('Content Builder folder id'),
    list: z
      .string()
      .min(1)
      .optional()
      .describe('External key of the subscriber list the email definition adds recipients to (default: targets.sfmc.list in txkit.config.yaml)'),
    subscriptions: z.object({ list: z.string().optional(), dataExtension: z.string().optional() }).strict().optional(),
    attributeMap: z.record(z.string(), z.string()).optional().describe('Template path → SFMC attribute, e.g. customer.first_name: FirstName'),
    sms: z
      .object({
        definitionKey,
        shortCode: z.string().min(1),
        keyword: z.string().min(1),
        countryCode: z.string().length(2).optional(),
        name: z.string().optional(),
        status: z.enum(['Active', 'Inactive']).default('Active'),
      })
      .strict()
      .optional()
      .describe('Transactional SMS send definition'),
    events: sfmcEventsSchema.optional(),
    languageKeys: z
      .string()
      .regex(sfmcLanguageKeysPattern, 'a pattern naming {key} and {language} (and no other {…}), e.g. "{key}-{language}"')
      .optional()
      .describe(
        'Keys of each translation\'s asset and definitions, made from definitionKey, customerKey and sms.definitionKey (default "{key}-{language}": order-confirmation-fr)',
      ),
  })
  .strict();

const customerioSettingsSchema = z
  .object({
    sendToUnsubscribed: z.boolean().optional(),
    linkTracking: z.boolean().optional(),
    openTracking: z.boolean().optional(),
    queueDrafts: z.boolean().optional(),
    triggerName: z.string().optional(),
  })
  .strict();

export const customerioTargetSchema = z
  .object({
    transactionalMessageId: z
      .union([z.number().int().positive(), z.string().min(1)])
      .optional()
      .describe('Id of the email transactional message (create it once in the Customer.io UI)'),
    language: z.string().optional(),
    settings: customerioSettingsSchema.optional().describe('Expected message settings; differences are reported as drift'),
    sms: z
      .object({
        transactionalMessageId: z.union([z.number().int().positive(), z.string().min(1)]),
        language: z.string().optional(),
        settings: customerioSettingsSchema.optional(),
      })
      .strict()
      .optional(),
    whatsapp: z
      .object({
        transactionalMessageId: z.union([z.number().int().positive(), z.string().min(1)]),
        language: z.string().optional(),
        settings: customerioSettingsSchema.optional(),
      })
      .strict()
      .optional()
      .describe('The WhatsApp transactional message (a separate transactional message)'),
  })
  .strict();

export const messageSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('Human name of the message'),
    description: z.string().optional(),
    engine: z.enum(['liquid', 'handlebars']).default('liquid'),
    email: emailSchema.optional(),
    sms: smsSchema.optional(),
    whatsapp: whatsappSchema.optional(),
    attributes: z.object({ customer: attributeMapSchema.optional(), trigger: attributeMapSchema.optional() }).strict().default({}),
    targets: z.object({ sfmc: sfmcTargetSchema.optional(), customerio: customerioTargetSchema.optional() }).strict().default({}),
  })
  .strict()
  .refine((message) => message.email !== undefined || message.sms !== undefined || message.whatsapp !== undefined, {
    error: 'a message needs an `email`, `sms` or `whatsapp` section (or several)',
  });

export type MessageDefinition = z.output<typeof messageSchema>;
export type EmailDefinition = z.output<typeof emailSchema>;
export type SmsDefinition = z.output<typeof smsSchema>;
export type { WhatsappDefinition, WhatsappButtonType } from './whatsapp-schema.js';
export type SfmcTarget = z.output<typeof sfmcTargetSchema>;
export type CustomerioTarget = z.output<typeof customerioTargetSchema>;
export type Engine = MessageDefinition['engine'];
