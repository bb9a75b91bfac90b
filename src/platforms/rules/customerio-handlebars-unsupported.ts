import type { CheckRule } from '../../diagnostics/index.js';
import type { Message } from '../../workspace/index.js';

/**
 * Customer.io runs Liquid only and txkit publishes templates as written, so a Handlebars message
 * that targets Customer.io cannot be published: a validate error, and push skips it.
 */
export const customerioHandlebarsUnsupported: CheckRule<Message> = {
  meta: {
    id: 'customerio/handlebars-unsupported',
    defaultSeverity: 'error',
    docs: 'messages published to Customer.io are written in Liquid, the only language it runs',
  },
  check(message) {
    if (!message.definition.targets.customerio || message.definition.engine !== 'handlebars') return [];
    return [
      {
        ruleId: customerioHandlebarsUnsupported.meta.id,
        severity: customerioHandlebarsUnsupported.meta.defaultSeverity,
        message: `"${message.id}" is written in Handlebars but targets Customer.io, which runs Liquid only`,
        file: message.file,
        ...message.document.locate(['engine']),
        hint: 'rewrite the templates in Liquid (engine: liquid), or remove targets.customerio',
      },
    ];
  },
};
