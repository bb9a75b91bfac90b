import type { EmailMessage } from '../render-email.js';
import type { Sample } from '../../workspace/index.js';
import type { CompiledEmail } from '../compile-email.js';
import type { HtmlElement } from '../html-elements.js';
import type { ParsedEmail } from './parsed-email.js';

/** A link of the compiled HTML whose href is personalized, as one sample rendered it. */
export interface RenderedLink {
  /** The `<a>` of the compiled HTML. */
  element: HtmlElement;
  /** Its href after personalization. */
  href: string;
}

export interface SampleOutput {
  sample: Sample;
  /** The personalized HTML, as sent. */
  html: string;
  /** Every rendering of every personalized link (a link in a loop renders once per item). */
  links: RenderedLink[];
}

export interface EmailCheckInput extends ParsedEmail {
  message: EmailMessage;
  compiled: CompiledEmail;
  /** One entry per sample (none when the message has no samples). */
  samples: SampleOutput[];
}
