import { renderSmsWithContext } from '../src/pipeline/render-sms.js';
import { renderTemplate } from '../src/pipeline/render-template.js';
import type { RenderContext } from '../src/render/index.js';
import type { Message } from '../src/workspace/index.js';
import { benchSample, type ExampleWorkspace } from './example-workspace.js';
import { timeOnce } from './measure.js';

export interface SmsThroughput {
  message: string;
  samples: number;
  /** renderSms: body and recipient rendered, then analyzeSms (encoding, segments). */
  withAnalysisPerSecond: number;
  /** The same two renders without the analysis. */
  withoutAnalysisPerSecond: number;
  /** Share of the time the analysis adds. */
  analysisShare: number;
}

// GSM-7 and UCS-2 names, so both encodings are analyzed.
const names = ['Sam', 'Ada', 'José', 'Zoë', 'Дмитрий', 'Priya', 'Mei', 'Łukasz', 'Olúwádámilọ́lá', 'Chris'];

/** `count` variations of the message's standard sample: another name and order number each time. */
function samplesFor(message: Message, count: number): RenderContext[] {
  const base = benchSample(message)?.data ?? { customer: {}, trigger: {} };
  return Array.from({ length: count }, (_, index) => ({
    customer: { ...base.customer, first_name: names[index % names.length] },
    trigger: { ...base.trigger, order_id: `NW-${100_000 + index}` },
  }));
}

/** One SMS rendered for 100 000 samples, with and without the SMS analysis. */
export async function runSmsThroughputBench(workspace: ExampleWorkspace, messageId = 'shipping-update', count = 100_000): Promise<SmsThroughput> {
  const message = workspace.messages.find((candidate) => candidate.id === messageId);
  if (!message?.sms) throw new Error(`no SMS message "${messageId}" in templates/`);
  const sms = message.sms;
  const contexts = samplesFor(message, count);
  const options = { engines: workspace.engines };
  const withAnalysis = () => {
    for (const context of contexts) renderSmsWithContext(message, context, options);
  };
  const withoutAnalysis = () => {
    for (const context of contexts) {
      renderTemplate(sms.body, context, message, options);
      renderTemplate(sms.to, context, message, options);
    }
  };
  // One untimed pass each warms the JIT, then one timed pass each.
  withAnalysis();
  withoutAnalysis();
  const timedWith = await timeOnce(async () => withAnalysis());
  const timedWithout = await timeOnce(async () => withoutAnalysis());
  return {
    message: message.id,
    samples: count,
    withAnalysisPerSecond: count / (timedWith.ms / 1000),
    withoutAnalysisPerSecond: count / (timedWithout.ms / 1000),
    analysisShare: 1 - timedWithout.ms / timedWith.ms,
  };
}
