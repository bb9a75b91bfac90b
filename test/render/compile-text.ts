import {
  fileTemplateSource,
  type CompileResult,
  type RenderContext,
  type RenderOptions,
  type RenderResult,
  type TemplateEngine,
} from '../../src/render/index.js';

export const templateFile = '/workspace/msg/sms.txt';

/** Compiles `text` as if it were the file `templateFile`. */
export function compileText(engine: TemplateEngine, text: string): CompileResult {
  return engine.compile(fileTemplateSource(templateFile, text));
}

/** Compiles and renders; fails the test with the diagnostics when the text does not compile. */
export function renderText(engine: TemplateEngine, text: string, context: Partial<RenderContext> = {}, options: RenderOptions = {}): RenderResult {
  const { template, diagnostics } = compileText(engine, text);
  if (!template) throw new Error(`template did not compile: ${JSON.stringify(diagnostics)}`);
  return template.render({ customer: {}, trigger: {}, ...context }, options);
}
