import type { Message, Sample } from './model.js';

/** The sample shown when none is named: one called "standard" or "default", else the first. */
export function defaultSampleName(names: readonly string[]): string | undefined {
  return names.find((name) => name === 'standard' || name === 'default') ?? names[0];
}

export function defaultSample(message: Message): Sample | undefined {
  const name = defaultSampleName(message.samples.map((sample) => sample.name));
  return message.samples.find((sample) => sample.name === name);
}
