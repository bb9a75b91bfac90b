export { checkSfmcExport, checkSfmcTarget, exportMessageToSfmc, exportSfmcTemplate, sfmcPublication, sfmcSources, type SfmcPublication } from './message-export.js';
export { exportToSfmc, UNSUPPORTED_CONSTRUCT, type SfmcExport, type SfmcExportOptions } from './personalization-export.js';
export { exportHandlebarsToSfmc } from './handlebars-export.js';
export { sfmcAttributesOf } from './sfmc-attributes.js';
export { readSfmcCredentials, type SfmcCredentials } from './sfmc-credentials.js';
export { createSfmcTarget, sfmcTarget, type SfmcTargetOptions } from './sfmc-target.js';
