import { z } from 'zod';
import { configSchema } from './config-schema.js';
import { messageSchema } from './message-schema.js';

/** JSON Schemas for editors (yaml-language-server, VS Code): generated from the zod schemas, never hand-edited. */
export function messageJsonSchema(): Record<string, unknown> {
  return { title: 'txkit message.yaml', ...z.toJSONSchema(messageSchema, { io: 'input', unrepresentable: 'any' }) };
}

export function configJsonSchema(): Record<string, unknown> {
  return { title: 'txkit.config.yaml', ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) };
}
