import type { Message, Sample } from './model.js';

/** The sample shown when none is named: one called "standard" or "default", else the first. */
export function defaultSample(message: Message): Sample | undefined {
  return message.samples.find((sample) => sample.name === 'standard' || sample.name === 'default') ?? message.samples[0];
}
