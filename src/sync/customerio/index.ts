export { createCustomerioTarget, customerioTarget, type CustomerioTargetOptions } from './target.js';
export { checkCustomerioTarget, HANDLEBARS_UNSUPPORTED } from '../../platforms/customerio/handlebars-check.js';
export { customerioRegions, customerioSettings, customerioVariables, type CustomerioRegion, type CustomerioSettings } from './connection-settings.js';
export type { PacerOptions } from './request-pacer.js';
