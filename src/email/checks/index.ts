import { dirRule } from './dir.js';
import { emailEmptyRule } from './email-empty.js';
import type { EmailRule } from './email-rule.js';
import { emailSizeRule } from './email-size.js';
import { hrefEmptyPersonalizationRule } from './href-empty-personalization.js';
import { imgAltRule } from './img-alt.js';
import { langRule } from './lang.js';
import { linkEmptyRule } from './link-empty.js';
import { linkInsecureRule } from './link-insecure.js';
import { linkMalformedRule } from './link-malformed.js';

export type { EmailCheckInput, EmailRule, RenderedLink, SampleOutput } from './email-rule.js';
export { createElementLocator } from './element-locator.js';
export { gmailClipBytes, sizeWarningBytes } from './email-size.js';

/** Every email check, in the order their diagnostics are listed. */
export const emailRules: readonly EmailRule[] = [
  emailSizeRule,
  emailEmptyRule,
  langRule,
  dirRule,
  imgAltRule,
  linkEmptyRule,
  linkInsecureRule,
  linkMalformedRule,
  hrefEmptyPersonalizationRule,
];
