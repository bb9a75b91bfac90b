import type { AttributeFacts } from '../attributes/attribute-facts.js';
import { analyzeTemplate } from '../attributes/template-references.js';
import type { CheckRule } from '../../diagnostics/index.js';
import { liquidUnsupportedTag, syntaxHandlebars, syntaxLiquid } from '../../render/rules/index.js';
import type { Provider } from '../rule.js';
import { attributesMissingInSample } from '../rules/attributes-missing-in-sample.js';
import { attributesType } from '../rules/attributes-type.js';
import { attributesUndeclared } from '../rules/attributes-undeclared.js';
import { attributesUnused } from '../rules/attributes-unused.js';

const attributeRules: readonly CheckRule<AttributeFacts>[] = [attributesUndeclared, attributesMissingInSample, attributesUnused, attributesType];

/**
 * Parses every template of a message once, MJML partials included (syntax problems come out
 * here), and checks the attributes they read against message.yaml and the samples, without
 * rendering: a branch no sample takes is checked too.
 */
export const templateAnalysisProvider: Provider = {
  id: 'template-analysis',
  rules: [syntaxLiquid, liquidUnsupportedTag, syntaxHandlebars, ...attributeRules],
  async check(message, context) {
    const templates = await context.templatesWithPartials(message);
    const analyses = templates.map(({ source }) => analyzeTemplate(source, message.definition.engine, context.engines));
    const facts: AttributeFacts = {
      message,
      references: analyses.flatMap((analysis) => analysis.references),
      complete: analyses.every((analysis) => analysis.diagnostics.length === 0),
    };
    // An attribute only a translation leaves out is languages/attributes' to report, not attributes/unused.
    const enabledRules = attributeRules.filter((rule) => context.isEnabled(rule.meta.id) && !(message.translationView && rule === attributesUnused));
    return [...analyses.flatMap((analysis) => analysis.diagnostics), ...enabledRules.flatMap((rule) => rule.check(facts))];
  },
};
