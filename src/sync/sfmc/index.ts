export {
  checkSfmcExport,
  checkSfmcTarget,
  exportMessageToSfmc,
  exportSfmcTemplate,
  sfmcPublication,
  sfmcSources,
  type SfmcPublication,
} from '../../platforms/sfmc/message-export.js';
export { exportToSfmc, type SfmcExport, type SfmcExportOptions } from '../../platforms/sfmc/personalization-export.js';
export { exportHandlebarsToSfmc } from '../../platforms/sfmc/handlebars-export.js';
export { sfmcAttributesOf } from '../../platforms/sfmc/sfmc-attributes.js';
export { readSfmcCredentials, type SfmcCredentials } from './sfmc-credentials.js';
export { createSfmcTarget, sfmcTarget, type SfmcTargetOptions } from './sfmc-target.js';
export { verifyEnsCallback } from './ens-verify.js';
export { ENS_SIGNATURE_KEY_VARIABLE } from './sfmc-target.js';
