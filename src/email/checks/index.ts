export type { EmailCheckInput, RenderedLink, SampleOutput } from './email-rule.js';
export { createElementLocator } from './element-locator.js';
