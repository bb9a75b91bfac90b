export { createCustomerioTarget, customerioTarget, type CustomerioTargetOptions } from './target.js';
export { customerioRegions, customerioSettings, customerioVariables, type CustomerioRegion, type CustomerioSettings } from './connection-settings.js';
export type { PacerOptions } from './request-pacer.js';
