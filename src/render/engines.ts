import type { Engine } from '../workspace/message-schema.js';
import type { TemplateEngine } from './engine.js';
import { HandlebarsEngine } from './handlebars/handlebars-engine.js';
import { defaultRenderLimits, type RenderLimits } from './limits.js';
import { LiquidEngine } from './liquid/liquid-engine.js';

export interface Engines {
  liquid: LiquidEngine;
  handlebars: HandlebarsEngine;
}

/** One engine of each kind; each keeps its own parse cache, so share the set across a run. */
export function createEngines(limits: RenderLimits = defaultRenderLimits): Engines {
  return { liquid: new LiquidEngine(limits), handlebars: new HandlebarsEngine(limits) };
}

export function engineFor(engines: Engines, name: Engine): TemplateEngine {
  return engines[name];
}
