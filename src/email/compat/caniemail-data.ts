import { createRequire } from 'node:module';

/** One caniemail feature, as the data set (caniemail.com's api/data.json) describes it. */
export interface CaniemailFeature {
  slug: string;
  title: string;
  url: string;
  category: 'html' | 'css' | 'image' | 'others';
  /** Comma-separated: for some features, the properties or elements they cover. */
  keywords: string | null;
  /** family → platform → version → "y" | "a" | "n" | "u", optionally followed by "#n" note numbers. */
  stats: Record<string, Record<string, Record<string, string>>>;
  notes: string | null;
  notes_by_num: Record<string, string> | null;
}

export interface CaniemailData {
  /** Version of the npm package the data comes from. */
  packageVersion: string;
  /** When caniemail last updated the data set. */
  updated: string;
  features: ReadonlyMap<string, CaniemailFeature>;
  /** Display names: family and platform ids → "Outlook", "Windows". */
  familyNames: Readonly<Record<string, string>>;
  platformNames: Readonly<Record<string, string>>;
}

interface RawData {
  last_update_date: string;
  nicenames: { family: Record<string, string>; platform: Record<string, string> };
  data: CaniemailFeature[];
}

let loaded: CaniemailData | undefined;

/** The caniemail data set shipped with the `caniemail` package (read once, no network). */
export function caniemailData(): CaniemailData {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const raw = require('caniemail/caniemail.json') as RawData;
  const { version } = require('caniemail/package.json') as { version: string };
  loaded = {
    packageVersion: version,
    updated: raw.last_update_date,
    features: new Map(raw.data.map((feature) => [feature.slug, feature])),
    familyNames: raw.nicenames.family,
    platformNames: raw.nicenames.platform,
  };
  return loaded;
}
