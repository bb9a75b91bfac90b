import type { EmailCheckInput } from '../checks/index.js';
import type { FileLocation } from '../source-map.js';
import type { CaniemailData } from './caniemail-data.js';
import type { ClientTarget } from './client-targets.js';
import type { FeatureUsage } from './feature-usages.js';

/** What the compatibility rules see: the email checks' input plus the targets and the feature uses. */
export interface CompatCheckInput extends Omit<EmailCheckInput, 'samples'> {
  data: CaniemailData;
  targets: readonly ClientTarget[];
  /** Report only clients that do not support a feature at all. */
  acceptPartial: boolean;
  /** Every caniemail feature the compiled HTML uses. */
  usages: readonly FeatureUsage[];
  /** Where the author wrote a usage; undefined for markup MJML generated itself. */
  sourceOf(usage: FeatureUsage): FileLocation | undefined;
}
