import { Liquid } from 'liquidjs';
import { renderSmsWithContext } from '../src/sms/render-sms.js';
import type { RenderContext } from '../src/render/index.js';
import type { Message } from '../src/workspace/index.js';
import { benchSample, type ExampleWorkspace } from './example-workspace.js';
import { cpuMs, minimumRuns, spread, type Spread } from './measure.js';

/** Issue 16: SMS renders + analyses per second on one core. */
export const smsTarget = 100_000;

export interface SmsThroughput {
  message: string;
  /** Samples per run; each run is timed whole. */
  samples: number;
  /** renderSmsWithContext per second: body and recipient rendered, smart encoding, analyzeSms (encoding, segments). */
  txkitPerSecond: Spread;
  /** Bare liquidjs rendering the same two templates per second. */
  rawPerSecond: Spread;
  /** Share of the samples that are UCS-2 (names outside GSM-7). */
  ucs2Share: number;
}

// GSM-7 and UCS-2 names, so both encodings are analyzed.
const names = ['Sam', 'Ada', 'José', 'Zoë', 'Дмитрий', 'Priya', 'Mei', 'Łukasz', 'Olúwádámilọ́lá', 'Chris'];

/**
 * `count` variations of the message's standard sample: another name and order number each time,
 * and every other one without `trigger.eta` (shipping-update's optional field, which a `{% if %}`
 * guards), as real sends often lack an optional field.
 */
function samplesFor(message: Message, count: number): RenderContext[] {
  const base = benchSample(message)?.data ?? { customer: {}, trigger: {} };
  return Array.from({ length: count }, (_, index) => {
    const trigger: Record<string, unknown> = { ...base.trigger, order_id: `NW-${100_000 + index}` };
    if (index % 2 === 1) delete trigger['eta'];
    return { customer: { ...base.customer, first_name: names[index % names.length] }, trigger };
  });
}

/**
 * One SMS rendered and analyzed for `count` samples on this one thread (per CPU second, so per core), against
 * bare liquidjs rendering the same body and recipient; the two take turns, run by run.
 */
export async function runSmsThroughputBench(workspace: ExampleWorkspace, messageId = 'shipping-update', count = 20_000, runs = 7): Promise<SmsThroughput> {
  const message = workspace.messages.find((candidate) => candidate.id === messageId);
  if (!message?.sms) throw new Error(`no SMS message "${messageId}" in templates/`);
  const contexts = samplesFor(message, count);
  const options = { engines: workspace.engines };
  const liquid = new Liquid({ timezoneOffset: 0 });
  const [body, to] = [liquid.parse(message.sms.body.text), liquid.parse(message.sms.to.text)];
  let ucs2 = 0;
  const txkit = () => {
    ucs2 = 0;
    for (const context of contexts) if (renderSmsWithContext(message, context, options)!.analysis.encoding === 'UCS-2') ucs2++;
  };
  const raw = () => {
    for (const context of contexts) {
      liquid.renderSync(body, context);
      liquid.renderSync(to, context);
    }
  };
  // One untimed pass each warms the JIT.
  txkit();
  raw();
  const perSecond = { txkit: [] as number[], raw: [] as number[] };
  for (let run = 0; run < Math.max(runs, minimumRuns); run++) {
    for (const [name, work] of [
      ['txkit', txkit],
      ['raw', raw],
    ] as const) {
      const started = cpuMs();
      work();
      perSecond[name].push(count / ((cpuMs() - started) / 1000));
    }
  }
  return { message: message.id, samples: count, txkitPerSecond: spread(perSecond.txkit), rawPerSecond: spread(perSecond.raw), ucs2Share: ucs2 / count };
}
