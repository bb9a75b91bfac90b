import { z } from 'zod';
import { defaultEmailClients } from './settings-vocabulary.js';

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
