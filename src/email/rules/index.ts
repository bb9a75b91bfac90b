import type { CheckRule } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';
import type { CompatCheckInput } from '../compat/compat-input.js';
import { emailBgImageFallback } from './email-bg-image-fallback.js';
import { emailCompat } from './email-compat.js';
import { emailDir } from './email-dir.js';
import { emailEmpty } from './email-empty.js';
import { emailHrefEmptyPersonalization } from './email-href-empty-personalization.js';
import { emailImgAlt } from './email-img-alt.js';
import { emailImgDimensions } from './email-img-dimensions.js';
import { emailImgFormat } from './email-img-format.js';
import { emailLang } from './email-lang.js';
import { emailLinkEmpty } from './email-link-empty.js';
import { emailLinkInsecure } from './email-link-insecure.js';
import { emailLinkMalformed } from './email-link-malformed.js';
import { emailLinkScheme } from './email-link-scheme.js';
import { emailLinkText } from './email-link-text.js';
import { emailSize } from './email-size.js';
import { emailTagSurvival } from './email-tag-survival.js';
import { syntaxMjml } from './syntax-mjml.js';

export { emailTagSurvival, syntaxMjml };
export { gmailClipBytes, sizeWarningBytes } from './email-size.js';

/** The checks of a compiled and personalized email (check-email-message.ts), in the order their diagnostics are listed. */
export const emailCheckRules: readonly CheckRule<EmailCheckInput>[] = [
  emailSize,
  emailEmpty,
  emailLang,
  emailDir,
  emailImgAlt,
  emailLinkEmpty,
  emailLinkInsecure,
  emailLinkMalformed,
  emailHrefEmptyPersonalization,
];

/** The email-client compatibility rules (compat/check-compat.ts), in the order their diagnostics are listed. */
export const compatRules: readonly CheckRule<CompatCheckInput>[] = [
  emailCompat,
  emailImgFormat,
  emailImgDimensions,
  emailBgImageFallback,
  emailLinkScheme,
  emailLinkText,
];
