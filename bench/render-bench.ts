import Handlebars from 'handlebars';
import { Liquid } from 'liquidjs';
import { compileMessageEmail, hasEmail } from '../src/pipeline/render-email.js';
import { contextOf, renderTemplate } from '../src/pipeline/render-template.js';
import { formatCurrency, formatNumber, type TemplateSource } from '../src/render/index.js';
import type { Message } from '../src/workspace/index.js';
import { benchSample, type ExampleWorkspace } from './example-workspace.js';
import { measureSideBySide } from './measure.js';

export const renderTarget = 1.2;

export interface RenderRow {
  message: string;
  channel: 'email' | 'sms';
  engine: string;
  sample: string;
  txkitUs: number;
  rawUs: number;
  /** txkit / raw. */
  ratio: number;
  /** The raw engine printed exactly what txkit did (same template, same data). */
  sameOutput: boolean;
}

/**
 * The bare engine as a caller would set it up for the same output: Customer.io's two filters and
 * UTC dates for Liquid (what txkit adds), nothing for Handlebars.
 */
function rawRenderer(engine: string, text: string): (data: object) => string {
  if (engine === 'handlebars') return Handlebars.create().compile(text);
  const liquid = new Liquid({ timezoneOffset: 0 });
  liquid.registerFilter('currency', formatCurrency);
  liquid.registerFilter('format_number', formatNumber);
  const parsed = liquid.parse(text);
  return (data) => liquid.renderSync(parsed, data) as string;
}

async function renderRow(workspace: ExampleWorkspace, message: Message, channel: 'email' | 'sms', source: TemplateSource): Promise<RenderRow> {
  const sample = benchSample(message);
  const context = contextOf(sample);
  const options = { engines: workspace.engines };
  const raw = rawRenderer(message.definition.engine, source.text);
  const txkitOutput = renderTemplate(source, context, message, options).output;
  const [txkit, bare] = await measureSideBySide([() => renderTemplate(source, context, message, options), () => raw(context)]);
  return {
    message: message.id,
    channel,
    engine: message.definition.engine,
    sample: sample?.name ?? '(none)',
    txkitUs: txkit!.medianMs * 1000,
    rawUs: bare!.medianMs * 1000,
    ratio: txkit!.medianMs / bare!.medianMs,
    sameOutput: txkitOutput === raw(context),
  };
}

/**
 * The personalize step alone, per example: txkit rendering the compiled email HTML (and the SMS
 * body) for one sample, against the bare engine rendering the same text with the same data.
 */
export async function runRenderBench(workspace: ExampleWorkspace): Promise<RenderRow[]> {
  const rows: RenderRow[] = [];
  for (const message of workspace.messages) {
    if (hasEmail(message)) {
      const compiled = await compileMessageEmail(message);
      rows.push(await renderRow(workspace, message, 'email', compiled.source));
    }
    if (message.sms) rows.push(await renderRow(workspace, message, 'sms', message.sms.body));
  }
  return rows;
}
