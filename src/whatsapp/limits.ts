/**
 * The documented lengths of a WhatsApp template's parts, in characters (counted as code points;
 * the pages say "characters including emojis"). Customer.io sends a transactional WhatsApp message only
 * from a template approved by Meta ("you need to create the template in the UI and have it
 * approved by WhatsApp/Meta", https://docs.customer.io/integrations/api/app/tag/send-messages/sendWhatsApp/),
 * so the template limits apply, not the 4096 characters of a free-form text message.
 */
export const whatsappLimits = {
  /** Meta, template components: "Maximum 60 characters" (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components). */
  header: 60,
  /** Template body, 1024 characters with its parameters filled in (Bird, "Text templates"; Braze, "WhatsApp message and image formats"). */
  body: 1024,
  /** Footer: 60 characters (Bird, "Text templates"; Braze). */
  footer: 60,
  /** Button label (URL, phone, quick reply): 25 characters (Braze, "WhatsApp message and image formats"). */
  buttonText: 25,
  /** A URL button's link: 2000 characters (Braze). */
  buttonUrl: 2000,
} as const;

export type WhatsappPart = keyof typeof whatsappLimits;

/** Characters as the limits are counted here: code points (a UTF-16 surrogate pair is one character). */
export function whatsappLength(text: string): number {
  return [...text].length;
}
