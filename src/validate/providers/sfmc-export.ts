import { exportToSfmc, UNSUPPORTED_CONSTRUCT } from '../../sync/sfmc/personalization-export.js';
import type { Message } from '../../workspace/index.js';
import { messageTemplatesWithPartials, type MessageTemplate } from '../message-templates.js';
import type { Provider } from '../rule.js';
import { sfmcUnsupportedConstruct } from '../rules/sfmc-unsupported-construct.js';
import { relocateDiagnostic } from '../template-position.js';

/** The templates SFMC receives: the email asset's views (html, text, subjectline, preheader) and the SMS message. */
async function publishedToSfmc(message: Message, workspaceRoot: string): Promise<MessageTemplate[]> {
  const target = message.definition.targets.sfmc;
  if (!target) return [];
  const email = target.definitionKey !== undefined || target.customerKey !== undefined;
  return (await messageTemplatesWithPartials(message, workspaceRoot)).filter(
    (template) =>
      (template.channel === 'email' && email && ['body', 'text', 'subject', 'preheader'].includes(template.part)) ||
      (template.channel === 'sms' && target.sms !== undefined && template.part === 'body'),
  );
}

/**
 * Liquid messages that target SFMC are exported to AMPscript on publish; what the export
 * cannot translate faithfully is reported now rather than at push time. (Handlebars is
 * published as written: SFMC runs it.)
 */
export const sfmcExportProvider: Provider = {
  id: 'sfmc-export',
  rules: [sfmcUnsupportedConstruct],
  async check(message, context) {
    if (message.definition.engine !== 'liquid' || !context.isEnabled(sfmcUnsupportedConstruct.meta.id)) return [];
    const attributeMap = message.definition.targets.sfmc?.attributeMap;
    return (await publishedToSfmc(message, context.config.workspace)).flatMap(({ source }) =>
      exportToSfmc(source.text, { file: source.file, ...(attributeMap ? { attributeMap } : {}) })
        // Syntax errors come from the template-analysis provider, positioned in the file.
        .diagnostics.filter((diagnostic) => diagnostic.ruleId === UNSUPPORTED_CONSTRUCT)
        .map((diagnostic) => relocateDiagnostic(source, diagnostic)),
    );
  },
};
