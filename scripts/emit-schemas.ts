// Writes schema/*.schema.json from the zod schemas: `npm run schemas`. A test keeps them in sync.
import { writeFileSync } from 'node:fs';
import { configJsonSchema, messageJsonSchema } from '../src/workspace/json-schemas.js';

writeFileSync(new URL('../schema/message.schema.json', import.meta.url), `${JSON.stringify(messageJsonSchema(), null, 2)}\n`);
writeFileSync(new URL('../schema/config.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
