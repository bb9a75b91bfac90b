import { ruleDiagnostic, type Diagnostic, type Rule } from '../../diagnostics/index.js';
import type { CaniemailFeature } from './caniemail-data.js';
import { clientSupport, type ClientTarget, type SupportLevel } from './client-targets.js';
import type { CompatCheckInput } from './compat-input.js';
import type { FeatureUsage } from './feature-usages.js';
import type { FileLocation } from '../source-map.js';

export interface ClientFinding {
  client: string;
  level: Exclude<SupportLevel, 'supported'>;
  notes: string[];
}

/** One feature at one source position, with the target clients that lack it. */
export interface CompatFinding {
  feature: CaniemailFeature;
  location: FileLocation;
  clients: ClientFinding[];
}

/**
 * The clients lacking each feature, by feature slug, for one set of targets: the same for every
 * message a run checks (the targets come from txkit.config.yaml once), so they are worked out
 * once per feature rather than once per message.
 */
type LackingBySlug = Map<string, ClientFinding[]>;
const lackingByTargets = new WeakMap<readonly ClientTarget[], { strict: LackingBySlug; acceptingPartial: LackingBySlug }>();

function lackingClients(targets: readonly ClientTarget[], acceptPartial: boolean): LackingBySlug {
  let known = lackingByTargets.get(targets);
  if (!known) lackingByTargets.set(targets, (known = { strict: new Map<string, ClientFinding[]>(), acceptingPartial: new Map<string, ClientFinding[]>() }));
  return acceptPartial ? known.acceptingPartial : known.strict;
}

/**
 * Groups the usages the author wrote by feature and source position (a component that MJML
 * copies into several elements, or a class used twice, is one finding) and keeps those some
 * target client does not, or only partly, support.
 */
export function compatFindings(input: CompatCheckInput, usages: readonly FeatureUsage[]): CompatFinding[] {
  const clientsOf = lackingClients(input.targets, input.acceptPartial);
  const lacking = (feature: CaniemailFeature): ClientFinding[] => {
    let clients = clientsOf.get(feature.slug);
    if (!clients) {
      clients = input.targets.flatMap((target) => {
        const support = clientSupport(feature, target);
        if (!support || support.level === 'supported' || (support.level === 'partial' && input.acceptPartial)) return [];
        // Name the version when several were checked: "Outlook Windows 2016".
        return [{ client: target.version === 'latest' ? target.name : `${target.name} ${support.version}`, level: support.level, notes: support.notes }];
      });
      clientsOf.set(feature.slug, clients);
    }
    return clients;
  };
  const findings = new Map<string, CompatFinding>();
  for (const usage of usages) {
    const feature = input.data.features.get(usage.slug);
    if (!feature || lacking(feature).length === 0) continue;
    const location = input.sourceOf(usage);
    if (!location) continue;
    const key = `${usage.slug}@${location.file}:${location.line}:${location.column}`;
    if (!findings.has(key)) findings.set(key, { feature, location, clients: lacking(feature) });
  }
  return [...findings.values()];
}

function clientList(clients: readonly ClientFinding[]): string {
  const notes = [...new Set(clients.flatMap((client) => client.notes))];
  return `${clients.map((client) => client.client).join(', ')}${notes.length > 0 ? ` (${notes.join(' ')})` : ''}`;
}

/** "display:flex is not supported in Outlook Windows; partly supported in Gmail iOS (…)". */
export function describeFinding(finding: CompatFinding): string {
  const unsupported = finding.clients.filter((client) => client.level === 'unsupported');
  const partial = finding.clients.filter((client) => client.level === 'partial');
  const parts = [
    ...(unsupported.length > 0 ? [`not supported in ${clientList(unsupported)}`] : []),
    ...(partial.length > 0 ? [`${unsupported.length > 0 ? 'partly' : 'only partly'} supported in ${clientList(partial)}`] : []),
  ];
  return `${finding.feature.title.trim()} is ${parts.join('; ')}`;
}

/**
 * The findings among `usages` as diagnostics of `rule`: a warning where a target client lacks the
 * feature, info where clients only partly support it.
 */
export function findingDiagnostics(
  rule: Rule,
  input: CompatCheckInput,
  usages: readonly FeatureUsage[],
  hint: (finding: CompatFinding) => string,
): Diagnostic[] {
  return compatFindings(input, usages).map((finding) =>
    ruleDiagnostic(rule, finding.location, describeFinding(finding), {
      hint: hint(finding),
      severity: finding.clients.some((client) => client.level === 'unsupported') ? 'warning' : 'info',
    }),
  );
}
