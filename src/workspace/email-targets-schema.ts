import { z } from 'zod';

/**
 * The clients that dominate transactional opens, as caniemail names them
 * (`family.platform`): Apple Mail, Gmail web and apps, Outlook for Windows (2016 on), Mac and
 * the web (outlook-com), Yahoo and Samsung Email.
 */
const defaultEmailClients: readonly string[] = [
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

/** `email:` in txkit.config.yaml. */
export const emailTargetsSchema = z
  .object({
    clients: z
      .array(z.string().min(1))
      .default([...defaultEmailClients])
      .describe(
        'caniemail clients: "family.platform", "family" or "family.*" (every platform), then optionally a version ("outlook.windows 2016"), a floor (">= 2016") or "all" (every tested version); "not …" removes',
      ),
    acceptPartial: z
      .boolean()
      .default(true)
      .describe('Partial support is fine (the default): report only what a target client does not support at all; false also reports partial support, as info'),
  })
  .strict();
