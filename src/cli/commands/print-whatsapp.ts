import type { Diagnostic } from '../../diagnostics/index.js';
import type { RenderMessageOptions } from '../../render/render-template.js';
import type { Message, Sample } from '../../workspace/index.js';
import { renderWhatsapp, whatsappLength, whatsappLimits, type RenderedWhatsapp } from '../../whatsapp/index.js';
import { colors, writeJson, writeOut } from '../terminal.js';

/** `body 142/1024 · header 20/60 · 2 buttons`: each part's length against WhatsApp's limit. */
function whatsappSummary(whatsapp: RenderedWhatsapp): string {
  const part = (name: string, text: string | undefined, limit: number) => (text === undefined ? [] : [`${name} ${whatsappLength(text)}/${limit}`]);
  const buttons = whatsapp.buttons.length === 0 ? [] : [`${whatsapp.buttons.length} button${whatsapp.buttons.length === 1 ? '' : 's'}`];
  return [
    ...part('body', whatsapp.body, whatsappLimits.body),
    ...part('header', whatsapp.header, whatsappLimits.header),
    ...part('footer', whatsapp.footer, whatsappLimits.footer),
    ...buttons,
    `to ${whatsapp.to}`,
  ].join(' · ');
}

/**
 * `txkit render <message> --channel whatsapp`: the body as sent (formatting markers as written),
 * the other parts and lengths dimmed on stderr-free stdout lines; `--json`: every part.
 * Returns the render's diagnostics.
 */
export function printWhatsapp(
  message: Message,
  sample: Sample | undefined,
  options: RenderMessageOptions & { json?: boolean | undefined; base: Record<string, unknown>; diagnostics: Diagnostic[] },
): Diagnostic[] {
  const whatsapp = renderWhatsapp(message, sample, options)!;
  const diagnostics = [...options.diagnostics, ...whatsapp.diagnostics];
  if (options.json) {
    const { body, to, header, media, footer, buttons } = whatsapp;
    writeJson({
      ...options.base,
      to,
      header: header ?? null,
      media: media ?? null,
      body,
      footer: footer ?? null,
      buttons,
      lengths: {
        body: whatsappLength(body),
        header: header === undefined ? null : whatsappLength(header),
        footer: footer === undefined ? null : whatsappLength(footer),
      },
      limits: whatsappLimits,
      diagnostics,
    });
    return diagnostics;
  }
  if (whatsapp.media) writeOut(colors.dim(`[${whatsapp.media.type}: ${whatsapp.media.url}]`));
  if (whatsapp.header !== undefined) writeOut(colors.dim(`Header: ${whatsapp.header}`));
  writeOut(whatsapp.body);
  if (whatsapp.footer !== undefined) writeOut(colors.dim(`Footer: ${whatsapp.footer}`));
  for (const button of whatsapp.buttons) {
    const action = button.url ?? button.phone;
    writeOut(colors.dim(`[${button.text}]${action === undefined ? '' : ` → ${action}`}`));
  }
  writeOut(colors.dim(whatsappSummary(whatsapp)));
  return diagnostics;
}
