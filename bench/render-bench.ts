import Handlebars from 'handlebars';
import { Liquid } from 'liquidjs';
import { injectPreheader } from '../src/email/preheader.js';
import { compileMessageEmail, hasEmail, personalizeEmail } from '../src/email/render-email.js';
import { renderSms } from '../src/sms/render-sms.js';
import { contextOf } from '../src/render/render-template.js';
import { engineFor, fileTemplateSource, formatCurrency, formatNumber, type RenderContext, type TemplateSource } from '../src/render/index.js';
import type { Message } from '../src/workspace/index.js';
import { benchSample, type ExampleWorkspace } from './example-workspace.js';
import { measureSideBySide, ratioSpread, spread, type Spread } from './measure.js';

/** Issue 16: the per-sample pipeline within 2× of the bare engine rendering the same templates. */
export const renderTarget = 2;
/** Issue 16: one `date` filter call. */
export const dateFilterTargetUs = 5;

export interface RenderRow {
  message: string;
  channel: 'email' | 'sms';
  engine: string;
  sample: string;
  /** What txkit runs per sample: personalizeEmail (body, subject, preheader, from, text) or renderSms (body, recipient, smart encoding, segments). */
  pipeline: string;
  txkitUs: Spread;
  /** The bare engine rendering the same templates (already parsed) with the same data. */
  rawUs: Spread;
  ratio: Spread;
  /** The bare engine printed what txkit did (email: the same HTML once the preheader is injected, the same subject and from). */
  sameOutput: boolean;
}

export interface DateFilterRow {
  /** One render of `{{ at | date: "%B %-d, %Y %H:%M" }}` minus one of `{{ at }}`, txkit's Liquid engine. */
  txkitUs: Spread;
  /** The same difference with bare liquidjs. */
  rawUs: Spread;
}

type RawRender = (data: object) => string;

/**
 * The bare engine as a caller would set it up for the same output: Customer.io's two filters and
 * UTC dates for Liquid (what txkit adds), nothing for Handlebars.
 */
function rawRenderer(engine: string, text: string): RawRender {
  if (engine === 'handlebars') return Handlebars.create().compile(text);
  const liquid = new Liquid({ timezoneOffset: 0 });
  liquid.registerFilter('currency', formatCurrency);
  liquid.registerFilter('format_number', formatNumber);
  const parsed = liquid.parse(text);
  return (data) => liquid.renderSync(parsed, data) as string;
}

const us = (timing: Spread): Spread => ({
  median: timing.median * 1000,
  min: timing.min * 1000,
  max: timing.max * 1000,
  runs: timing.runs.map((ms) => ms * 1000),
});

function rawAll(engine: string, sources: (TemplateSource | undefined)[]): (data: RenderContext) => string[] {
  const renderers = sources.map((source) => (source ? rawRenderer(engine, source.text) : () => ''));
  return (data) => renderers.map((render) => render(data));
}

async function emailRow(workspace: ExampleWorkspace, message: Message & { email: NonNullable<Message['email']> }): Promise<RenderRow> {
  const sample = benchSample(message);
  const options = { engines: workspace.engines };
  const compiled = await compileMessageEmail(message);
  const { email } = message;
  const raw = rawAll(message.definition.engine, [compiled.source, email.subject, email.preheader, email.from, email.text]);
  const context = contextOf(sample);
  const txkit = personalizeEmail(message, compiled, sample, options);
  const [body, subject, preheader, from] = raw(context);
  const [txkitTime, rawTime] = await measureSideBySide([() => personalizeEmail(message, compiled, sample, options), () => raw(context)]);
  return {
    message: message.id,
    channel: 'email',
    engine: message.definition.engine,
    sample: sample?.name ?? '(none)',
    pipeline: 'personalizeEmail',
    txkitUs: us(txkitTime!),
    rawUs: us(rawTime!),
    ratio: ratioSpread(txkitTime!, rawTime!),
    sameOutput: txkit.html === injectPreheader(body!, preheader!) && txkit.subject === subject && txkit.from === from,
  };
}

async function smsRow(workspace: ExampleWorkspace, message: Message & { sms: NonNullable<Message['sms']> }): Promise<RenderRow> {
  const sample = benchSample(message);
  const options = { engines: workspace.engines };
  const raw = rawAll(message.definition.engine, [message.sms.body, message.sms.to]);
  const context = contextOf(sample);
  const txkit = renderSms(message, sample, options)!;
  const [txkitTime, rawTime] = await measureSideBySide([() => renderSms(message, sample, options), () => raw(context)]);
  return {
    message: message.id,
    channel: 'sms',
    engine: message.definition.engine,
    sample: sample?.name ?? '(none)',
    pipeline: 'renderSms',
    txkitUs: us(txkitTime!),
    rawUs: us(rawTime!),
    ratio: ratioSpread(txkitTime!, rawTime!),
    sameOutput: txkit.personalized === raw(context)[0] && txkit.to === raw(context)[1]!.trim(),
  };
}

/**
 * The per-sample pipeline users run (what the preview and validate call for every sample), per
 * example message, against the bare engine rendering the same templates with the same data.
 */
export async function runRenderBench(workspace: ExampleWorkspace): Promise<RenderRow[]> {
  const rows: RenderRow[] = [];
  for (const message of workspace.messages) {
    if (hasEmail(message)) rows.push(await emailRow(workspace, message));
    if (message.sms) rows.push(await smsRow(workspace, message as Message & { sms: NonNullable<Message['sms']> }));
  }
  return rows;
}

/** The cost of one `date` filter call: a render with it minus the same render printing the raw value. */
export async function runDateFilterBench(workspace: ExampleWorkspace): Promise<DateFilterRow> {
  const withDate = '{{ at | date: "%B %-d, %Y %H:%M" }}';
  const without = '{{ at }}';
  const context = { customer: {}, trigger: {}, at: '2026-03-14T15:09:26Z' } as RenderContext;
  const engine = engineFor(workspace.engines, 'liquid');
  const compiled = (text: string) => engine.compile(fileTemplateSource('bench.liquid', text)).template!;
  const [txkitDate, txkitPlain] = [compiled(withDate), compiled(without)];
  const [rawDate, rawPlain] = [rawRenderer('liquid', withDate), rawRenderer('liquid', without)];
  const [a, b, c, d] = await measureSideBySide([
    () => txkitDate.render(context),
    () => txkitPlain.render(context),
    () => rawDate(context),
    () => rawPlain(context),
  ]);
  // Batch by batch (they ran in turn), so the difference is taken under the same load.
  const difference = (x: Spread, y: Spread) => us(spread(x.runs.map((value, index) => value - y.runs[index]!)));
  return { txkitUs: difference(a!, b!), rawUs: difference(c!, d!) };
}
