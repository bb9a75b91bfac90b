import type { Engine } from '../workspace/message-schema.js';
import { loadSnippets } from '../workspace/snippets.js';
import type { TemplateEngine } from './engine.js';
import { HandlebarsEngine } from './handlebars/handlebars-engine.js';
import { defaultRenderLimits, type RenderLimits } from './limits.js';
import { LiquidEngine, type LiquidEngineOptions } from './liquid/liquid-engine.js';

export interface Engines {
  liquid: LiquidEngine;
  handlebars: HandlebarsEngine;
}

/** Workspace settings the engines render with (txkit.config.yaml). */
export interface EngineSettings {
  /** IANA zone Liquid dates print in when a template names none; UTC by default, as Customer.io. */
  defaultTimezone?: string | undefined;
  /** Workspace folder: its `_snippets/*.liquid` are the Customer.io snippets templates can use. */
  workspace?: string | undefined;
}

/** One engine of each kind; each keeps its own parse cache, so share the set across a run. */
export function createEngines(limits: RenderLimits = defaultRenderLimits, settings: EngineSettings = {}): Engines {
  const liquidOptions: LiquidEngineOptions = {
    ...(settings.defaultTimezone ? { defaultTimezone: settings.defaultTimezone } : {}),
    ...(settings.workspace ? { snippets: loadSnippets(settings.workspace) } : {}),
  };
  return { liquid: new LiquidEngine(limits, liquidOptions), handlebars: new HandlebarsEngine(limits) };
}

export function engineFor(engines: Engines, name: Engine): TemplateEngine {
  return engines[name];
}
