import { z } from 'zod';

/**
 * The clients that dominate transactional opens, as caniemail names them
 * (`family.platform`): Apple Mail, Gmail web and apps, Outlook for Windows, Mac and the
 * web (outlook-com), Yahoo and Samsung Email.
 */
export const defaultEmailClients: readonly string[] = [
  'apple-mail.macos',
  'apple-mail.ios',
  'gmail.desktop-webmail',
  'gmail.mobile-webmail',
  'gmail.ios',
  'gmail.android',
  'outlook.windows',
  'outlook.macos',
  'outlook.outlook-com',
  'yahoo.desktop-webmail',
  'yahoo.ios',
  'yahoo.android',
  'samsung-email.android',
];

/** `email:` in txkit.config.yaml. */
export const emailTargetsSchema = z
  .object({
    clients: z
      .array(z.string().min(1))
      .default([...defaultEmailClients])
      .describe('caniemail clients: "family.platform", "family" or "family.*" (every platform), an optional version ("outlook.windows 2016") or "all" (every tested version); "not …" removes'),
    acceptPartial: z.boolean().default(false).describe('Partial support is fine: report only what a target client does not support at all'),
  })
  .strict();

export type EmailTargets = z.output<typeof emailTargetsSchema>;
