import { fileURLToPath } from 'node:url';
import { createEngines, type Engines } from '../src/render/index.js';
import { loadConfig, loadWorkspace, type Message, type ResolvedConfig, type Sample } from '../src/workspace/index.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface ExampleWorkspace {
  config: ResolvedConfig;
  messages: Message[];
  engines: Engines;
}

/** The example workspace (templates/), loaded once; benchmarks only read it. */
export async function loadExamples(): Promise<ExampleWorkspace> {
  const { config } = await loadConfig(repoRoot);
  const workspace = await loadWorkspace(config);
  if (workspace.broken.length > 0) throw new Error(`templates/ has broken messages: ${workspace.broken.map((message) => message.id).join(', ')}`);
  return { config, messages: workspace.messages, engines: createEngines() };
}

/** The sample a benchmark uses for a message: "standard", else the first. */
export function benchSample(message: Message): Sample | undefined {
  return message.samples.find((sample) => sample.name === 'standard') ?? message.samples[0];
}
