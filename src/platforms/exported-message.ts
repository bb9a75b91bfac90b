import type { Diagnostic } from '../diagnostics/index.js';

/** A message as the platform stores it: personalization in the platform's own syntax. */
export interface ExportedMessage {
  /** Absent when the message does not publish its email to the platform. */
  email?: { subject: string; preheader: string; html: string; text: string };
  /** Absent when the message does not publish its SMS to the platform. */
  sms?: { text: string };
  /** Absent when the message does not publish its WhatsApp body to the platform (only Customer.io does). */
  whatsapp?: { text: string };
  /** Problems of the export; an error means the message cannot be published. */
  diagnostics: Diagnostic[];
}
