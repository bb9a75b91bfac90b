import { z } from 'zod';

/**
 * `targets.customerio.sms` in txkit.config.yaml: how the Customer.io workspace rewrites SMS links,
 * which decides the segments a message costs as sent. Link shortening is a workspace setting
 * (Workspace settings > SMS; "affects all messages in your workspace",
 * https://docs.customer.io/journeys/sms-link-shortening/), so it lives here, not in message.yaml;
 * link tracking is a setting of each message (`targets.customerio.sms.settings.linkTracking`),
 * and `linkTracking` here is only the project's default for it.
 */
export const customerioSmsSchema = z
  .object({
    linkTracking: z
      .boolean()
      .optional()
      .describe(
        "Link tracking every Customer.io SMS message is expected to have when its message.yaml does not say (settings.linkTracking); compared as settings drift. Unset: Customer.io's default, on",
      ),
    linkShortening: z
      .boolean()
      .default(true)
      .describe('The workspace shortens SMS links (Customer.io: on by default when SMS is enabled); each link is then sent as a short link'),
    shortLinkLength: z
      .int()
      .min(1)
      .default(36)
      .describe('Characters of a shortened link: up to 36 with the default domain (https://a.cx.io/lnk.…); a custom short-link domain may take fewer'),
    trackedLinkLength: z
      .int()
      .min(1)
      .default(160)
      .describe(
        'Characters counted for a tracked link when shortening is off. Customer.io does not document the length (only that tracked links "won\'t reliably fit inside a 160 character SMS"): 160 is a conservative guess; set what a test send shows',
      ),
  })
  .strict();

export type CustomerioSmsSettings = z.output<typeof customerioSmsSchema>;
