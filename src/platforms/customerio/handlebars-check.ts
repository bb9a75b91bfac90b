import type { Diagnostic } from '../../diagnostics/index.js';
import type { Message } from '../../workspace/index.js';

export const HANDLEBARS_UNSUPPORTED = 'customerio/handlebars-unsupported';

/**
 * Customer.io runs Liquid only and txkit publishes templates as written, so a Handlebars message
 * that targets Customer.io cannot be published: a validate error, and push skips it.
 */
export function checkCustomerioTarget(message: Message): Diagnostic[] {
  if (!message.definition.targets.customerio || message.definition.engine !== 'handlebars') return [];
  return [
    {
      ruleId: HANDLEBARS_UNSUPPORTED,
      severity: 'error',
      message: `"${message.id}" is written in Handlebars but targets Customer.io, which runs Liquid only`,
      file: message.file,
      ...message.document.locate(['engine']),
      hint: 'rewrite the templates in Liquid (engine: liquid), or remove targets.customerio',
    },
  ];
}
