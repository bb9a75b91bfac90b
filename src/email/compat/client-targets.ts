import type { CaniemailData, CaniemailFeature } from './caniemail-data.js';

/** One client to check against: a caniemail family and platform, at its latest, one, or every tested version. */
export interface ClientTarget {
  /** `family.platform`, caniemail's id. */
  id: string;
  family: string;
  platform: string;
  /** Display name, e.g. "Outlook Windows", "Outlook.com". */
  name: string;
  /** `latest` (the last version caniemail tested), `all`, `>= <version>`, or a version as caniemail names it. */
  version: string;
}

export interface ParsedTargets {
  targets: ClientTarget[];
  /** Entries that name no caniemail client. */
  unknown: string[];
}

const knownClientsOf = new WeakMap<CaniemailData, Map<string, { family: string; platform: string }>>();

/** Every family.platform the data set has results for (computed once per data set). */
function knownClients(data: CaniemailData): Map<string, { family: string; platform: string }> {
  const cached = knownClientsOf.get(data);
  if (cached) return cached;
  const clients = new Map<string, { family: string; platform: string }>();
  for (const feature of data.features.values()) {
    for (const [family, platforms] of Object.entries(feature.stats)) {
      for (const platform of Object.keys(platforms)) clients.set(`${family}.${platform}`, { family, platform });
    }
  }
  knownClientsOf.set(data, clients);
  return clients;
}

function displayName(data: CaniemailData, family: string, platform: string): string {
  const familyName = data.familyNames[family] ?? family;
  const platformName = data.platformNames[platform] ?? platform;
  // "Outlook" + "Outlook.com" reads as "Outlook.com".
  return platformName.startsWith(familyName) ? platformName : `${familyName} ${platformName}`;
}

/**
 * Resolves `email.clients` like a browserslist query: `outlook.windows`, `gmail` or `gmail.*`
 * (every platform), then optionally a version (`outlook.windows 2016`), a floor
 * (`outlook.windows >= 2016`: every tested version from it on) or `all` (every tested
 * version); an entry starting with `not ` removes the clients it names.
 */
export function resolveClientTargets(data: CaniemailData, entries: readonly string[]): ParsedTargets {
  // Every message of a run resolves the same `email.clients` array: resolved once, the targets
  // are the same objects each time (compat-findings keeps what each feature lacks by them).
  let resolved = resolvedTargetsOf.get(data);
  if (!resolved) resolvedTargetsOf.set(data, (resolved = new WeakMap()));
  const cached = resolved.get(entries);
  if (cached) return cached;
  const parsed = parseClientTargets(data, entries);
  resolved.set(entries, parsed);
  return parsed;
}

const resolvedTargetsOf = new WeakMap<CaniemailData, WeakMap<readonly string[], ParsedTargets>>();

function parseClientTargets(data: CaniemailData, entries: readonly string[]): ParsedTargets {
  const known = knownClients(data);
  const chosen = new Map<string, ClientTarget>();
  const unknown: string[] = [];
  for (const entry of entries) {
    const negated = /^not\s+/i.test(entry.trim());
    const [name = '', ...rest] = entry
      .trim()
      .replace(/^not\s+/i, '')
      .split(/\s+/);
    const version = rest.join('').replace(/^>=/, '>= ') || 'latest';
    const [family, platform = '*'] = name.toLowerCase().split('.');
    const matches = [...known].filter(([, client]) => client.family === family && (platform === '*' || client.platform === platform));
    if (matches.length === 0) {
      unknown.push(entry);
      continue;
    }
    for (const [id, client] of matches) {
      if (negated) chosen.delete(id);
      else chosen.set(id, { id, ...client, name: displayName(data, client.family, client.platform), version });
    }
  }
  return { targets: [...chosen.values()], unknown };
}

export type SupportLevel = 'supported' | 'partial' | 'unsupported';

export interface ClientSupport {
  level: SupportLevel;
  /** The tested version the result is for. */
  version: string;
  /** caniemail's notes for that result. */
  notes: string[];
}

const levels: Record<string, SupportLevel> = { y: 'supported', a: 'partial', n: 'unsupported' };
const rank: Record<SupportLevel, number> = { unsupported: 0, partial: 1, supported: 2 };

function parseResult(feature: CaniemailFeature, version: string, result: string): ClientSupport | undefined {
  const level = levels[result.trim().charAt(0)];
  if (!level) return undefined; // "u": caniemail does not know
  const notes = [...result.matchAll(/#(\d+)/g)].flatMap((match) => {
    const note = feature.notes_by_num?.[match[1]!];
    return note ? [note] : [];
  });
  return { level, version, notes };
}

/** Versions are years ("2016"), dates ("2019-02") or release numbers ("16.80"): compare them numerically part by part. */
function compareVersions(a: string, b: string): number {
  const partsA = a.split(/[.-]/).map(Number);
  const partsB = b.split(/[.-]/).map(Number);
  for (let index = 0; index < Math.max(partsA.length, partsB.length); index++) {
    const difference = (partsA[index] ?? 0) - (partsB[index] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return 0;
}

/** The tested versions a target's version selector picks (the data lists versions oldest first). */
function pickVersions(tested: readonly string[], selector: string): string[] {
  if (selector === 'all') return [...tested];
  const floor = /^>=\s*(.+)$/.exec(selector)?.[1];
  // A floor above every tested version still means the newest result.
  if (floor !== undefined)
    return tested
      .filter((version) => compareVersions(version, floor) >= 0)
      .concat(tested.at(-1)!)
      .filter((version, index, all) => all.indexOf(version) === index);
  return [tested.includes(selector) ? selector : tested.at(-1)!];
}

/**
 * What caniemail says about `feature` in `target`: the last tested version's result, the named
 * version's, or the worst of the versions a floor or `all` picks. Undefined when caniemail has
 * no result for that client.
 */
export function clientSupport(feature: CaniemailFeature, target: ClientTarget): ClientSupport | undefined {
  const versions = feature.stats[target.family]?.[target.platform];
  if (!versions) return undefined;
  const tested = Object.keys(versions);
  let worst: ClientSupport | undefined;
  for (const version of pickVersions(tested, target.version)) {
    const support = parseResult(feature, version, versions[version]!);
    if (support && (!worst || rank[support.level] < rank[worst.level])) worst = support;
  }
  return worst;
}
