export { checkWhatsappMessage, checkWhatsappSample, type WhatsappCheckOptions, type WhatsappSampleCheck } from './check/check-whatsapp-message.js';
export { formatWhatsappText, type FormattedLine, type InlineNode, type InlineStyle, type LineKind } from './formatting.js';
export { whatsappLength, whatsappLimits } from './limits.js';
export { renderWhatsapp, renderWhatsappWithContext, type RenderedWhatsapp } from './render-whatsapp.js';
export { whatsappView, type WhatsappButtonView, type WhatsappCountedText, type WhatsappView } from './whatsapp-view.js';
