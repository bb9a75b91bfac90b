import { customerioHandlebarsUnsupported } from './customerio-handlebars-unsupported.js';
import { sfmcMissingList } from './sfmc-missing-list.js';
import { sfmcUnsupportedConstruct } from './sfmc-unsupported-construct.js';

export { customerioHandlebarsUnsupported, sfmcMissingList, sfmcUnsupportedConstruct };

/** What the platforms a message targets can publish, in `txkit rules` order. */
export const platformRules = [sfmcUnsupportedConstruct, sfmcMissingList, customerioHandlebarsUnsupported] as const;
