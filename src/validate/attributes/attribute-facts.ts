import type { Message } from '../../workspace/index.js';
import type { TemplateReference } from './template-references.js';

/** What the attribute rules check, computed once per message by the template-analysis provider. */
export interface AttributeFacts {
  message: Message;
  /** Every attribute path the message's templates read, in every branch. */
  references: readonly TemplateReference[];
  /** False when a template failed to parse, so `references` may lack some uses. */
  complete: boolean;
}
