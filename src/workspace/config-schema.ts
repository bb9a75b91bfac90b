import { z } from 'zod';
import { customerioSmsSchema } from './customerio-sms-schema.js';
import { emailTargetsSchema } from './email-targets-schema.js';
import { localesSchema } from './locales-schema.js';
import { customerioWebhookMetrics } from './settings-vocabulary.js';

export const ruleSeveritySchema = z.enum(['error', 'warning', 'info', 'off']);
export type RuleSeverity = z.output<typeof ruleSeveritySchema>;

/** `txkit.config.yaml` at the project root. Every key is optional. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    workspace: z.string().min(1).default('templates').describe('Folder of messages, relative to this file'),
    defaultRegion: z
      .string()
      .regex(/^[A-Z]{2}$/, 'a two-letter ISO country code such as US')
      .default('US')
      .describe('Region used to recognize national phone numbers and suggest their E.164 form'),
    rules: z.record(z.string(), ruleSeveritySchema).default({}).describe('Severity per rule id, e.g. "sms/max-segments": warning'),
    out: z.string().default('build').describe('Output folder of `txkit build`'),
    defaultTimezone: z
      .string()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as Europe/Paris')
      .optional()
      .describe('Time zone Liquid dates print in when a template names none (default UTC, as Customer.io)'),
    locales: localesSchema.optional().describe('The default language of the templates and the languages they are translated into (docs: README "Languages")'),
    email: emailTargetsSchema.prefault({}).describe('Email clients the email/compat checks target'),
    targets: z
      .object({
        sfmc: z
          .object({
            list: z
              .string()
              .min(1)
              .optional()
              .describe('Subscriber list (external key) of every SFMC email definition that names none, e.g. "All Subscribers - 123"'),
          })
          .strict()
          .optional(),
        customerio: z
          .object({
            reportingWebhook: z
              .object({
                url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).describe('Webhook endpoint that receives the events'),
                events: z.array(z.enum(customerioWebhookMetrics)).min(1).describe('Metrics to receive, e.g. [sent, delivered, failed]'),
              })
              .strict()
              .optional()
              .describe(
                'Reporting webhook (set up in Customer.io under Data & Integrations; the sandbox delivers to it). Signing key: CUSTOMERIO_WEBHOOK_SIGNING_KEY in the environment or .env',
              ),
            sms: customerioSmsSchema.optional().describe('How the Customer.io workspace sends SMS links (shortened or tracked), for the as-sent segment count'),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({})
      .describe("Defaults for the messages' targets"),
    sandbox: z
      .object({
        profileSample: z
          .string()
          .min(1)
          .optional()
          .describe('Sample whose `customer` stands for every recipient\'s profile in `txkit sandbox` sends (the sandbox keeps no people), e.g. "standard"'),
      })
      .strict()
      .optional()
      .describe('Settings of `txkit sandbox`'),
  })
  .strict();

export type TxkitConfig = z.output<typeof configSchema>;
