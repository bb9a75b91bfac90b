import pLimit from 'p-limit';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { uniqueDiagnostics } from '../../diagnostics/unique.js';
import { languageName, languageViews, type Message, type PathSegment } from '../../workspace/index.js';
import { languageKeysOf } from '../../platforms/sfmc/language-keys.js';
import type { Plan, PlanStep } from '../plan.js';
import { PlatformError } from '../platform-error.js';
import type { ExportedMessage } from '../sync-target.js';
import { exportMessageToSfmc, sfmcPublication, type SfmcDefaults, type SfmcPublication } from '../../platforms/sfmc/message-export.js';
import { platformErrorDiagnostics, PLATFORM_ERROR, type SfmcObjectKind } from './platform-diagnostics.js';
import type { SfmcApi, SfmcChannel, SfmcObject } from './sfmc-api.js';
import { planEns, type EnsPlanOptions } from './ens-plan.js';
import { compareWithRemote, desiredAsset, desiredEmailDefinition, desiredSmsDefinition, updatableFields } from './sfmc-objects.js';
import { schemaMessage } from '../../workspace/rules/index.js';

export interface SfmcPlanOptions {
  workspaceRoot: string;
  /** Parallel remote reads. */
  concurrency: number;
  defaults?: SfmcDefaults;
  /** Event Notification Service callbacks and subscriptions (`targets.sfmc.events`). */
  ens: EnsPlanOptions;
}

/** One object a message publishes: what it should be, and how to find and write it. */
interface ObjectSpec {
  kind: SfmcObjectKind;
  key: string;
  /** The message.yaml setting the key comes from (for a translation, `languageKeys` when set). */
  setting: PathSegment[];
  /** A translation's object: its language. */
  language?: string;
  desired: SfmcObject;
  /** Step ids that must be written first. */
  dependsOn: string[];
  read(): Promise<SfmcObject | undefined>;
  create(): Promise<void>;
  update(remote: SfmcObject): Promise<void>;
}

/** One language of a message as SFMC gets it: the view (`inLanguage`), its keys and its objects. */
interface Published {
  message: Message;
  publication: SfmcPublication;
  specs: ObjectSpec[];
}

const stepId = (kind: SfmcObjectKind, key: string) => `sfmc:${kind}:${key.toLowerCase()}`;

/**
 * Reads the remote state of every object the messages publish to SFMC and plans the writes:
 * the htmlemail asset before the email definition that points at it. Each language of a
 * message has its own objects (`languageKeys`). A message whose export has errors in any
 * language, whose keys another message already uses, or whose remote state cannot be read gets
 * no steps, only diagnostics: it is not published, the others are.
 */
export async function planSfmc(api: SfmcApi, messages: readonly Message[], options: SfmcPlanOptions): Promise<Plan> {
  const limit = pLimit(options.concurrency);
  const diagnostics: Diagnostic[] = [];
  const claimed = new Map<string, string>();
  /** Per message, its languages: a message is read, and published, in all of them or in none. */
  const candidates: { message: Message; languages: Published[] }[] = [];

  for (const message of messages) {
    const languages = languageViews(message).flatMap((view) => {
      const publication = sfmcPublication(view);
      return publication ? [{ view, publication }] : [];
    });
    if (languages.length === 0) continue;
    const exports = await Promise.all(
      languages.map(({ view }) =>
        exportMessageToSfmc(view, { workspaceRoot: options.workspaceRoot, ...(options.defaults ? { defaults: options.defaults } : {}) }),
      ),
    );
    // What the languages share (the SMS a translation lacks, message.yaml) is reported once.
    const found = uniqueDiagnostics(exports.flatMap((exported) => exported.diagnostics));
    diagnostics.push(...found);
    if (found.some((diagnostic) => diagnostic.severity === 'error')) continue;
    const published = languages.map(({ view, publication }, index) => ({
      message: view,
      publication,
      specs: objectSpecs(api, view, publication, exports[index]!, options.defaults),
    }));
    const specs = published.flatMap((language) => language.specs);
    const taken = specs.find((spec) => claimed.has(stepId(spec.kind, spec.key)));
    if (taken) {
      diagnostics.push(keyInUse(message, taken, claimed.get(stepId(taken.kind, taken.key))!));
      continue;
    }
    for (const spec of specs) claimed.set(stepId(spec.kind, spec.key), message.id);
    candidates.push({ message, languages: published });
  }

  const planned = await Promise.all(
    candidates.map(async ({ message, languages }) => {
      const specs = languages.flatMap((language) => language.specs);
      try {
        const remotes = await Promise.all(specs.map((spec) => limit(() => spec.read())));
        return specs.map((spec, index) => planStep(message, spec, remotes[index]));
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        diagnostics.push({
          ruleId: PLATFORM_ERROR,
          severity: 'error',
          message: `cannot read the SFMC objects of this message: ${error.message}`,
          file: message.file,
          line: 1,
          column: 1,
        });
        return [];
      }
    }),
  );
  const ens = await planEns(
    api.ens,
    candidates.flatMap((candidate) => candidate.languages),
    options.ens,
  );
  diagnostics.push(...ens.diagnostics);
  return { steps: [...planned.flat(), ...ens.steps], drift: [], diagnostics: uniqueDiagnostics(diagnostics) };
}

function objectSpecs(api: SfmcApi, message: Message, publication: SfmcPublication, exported: ExportedMessage, defaults?: SfmcDefaults): ObjectSpec[] {
  const specs: ObjectSpec[] = [];
  const { language } = publication;
  const settingOf = (base: PathSegment[]) => ({
    setting: language !== undefined && publication.target.languageKeys !== undefined ? ['languageKeys'] : base,
    ...(language !== undefined ? { language } : {}),
  });
  if (publication.email && exported.email) {
    const asset = desiredAsset(message, publication, exported.email);
    const key = publication.email.customerKey;
    specs.push({
      kind: 'asset',
      key,
      ...settingOf(['customerKey']),
      desired: asset,
      dependsOn: [],
      read: () => api.findAsset(key),
      create: () => api.createAsset(asset),
      update: (remote) => api.updateAsset(Number(remote.id), asset),
    });
    // Content before the definition that points at it.
    const definition = desiredEmailDefinition(message, publication, defaults);
    specs.push(definitionSpec(api, 'email', definition, settingOf(['definitionKey']), [stepId('asset', key)]));
  }
  if (publication.sms && exported.sms) {
    specs.push(definitionSpec(api, 'sms', desiredSmsDefinition(message, publication, exported.sms.text), settingOf(['sms', 'definitionKey']), []));
  }
  return specs;
}

function definitionSpec(
  api: SfmcApi,
  channel: SfmcChannel,
  desired: SfmcObject,
  origin: Pick<ObjectSpec, 'setting' | 'language'>,
  dependsOn: string[],
): ObjectSpec {
  const key = desired.definitionKey as string;
  return {
    kind: `${channel}-definition`,
    key,
    ...origin,
    desired,
    dependsOn,
    read: () => api.getDefinition(channel, key),
    // options.createJourney is never sent: SFMC refuses it on PATCH, and txkit leaves journeys alone.
    create: () => api.createDefinition(channel, desired),
    update: () => api.updateDefinition(channel, key, updatableFields(desired)),
  };
}

function planStep(message: Message, spec: ObjectSpec, remote: SfmcObject | undefined): PlanStep {
  const { action, changes } = compareWithRemote(spec.desired, remote);
  return {
    id: stepId(spec.kind, spec.key),
    platform: 'sfmc',
    kind: spec.kind,
    key: spec.key,
    messageId: message.id,
    action,
    changes,
    dependsOn: spec.dependsOn,
    apply: () => (action === 'create' ? createOrConverge(spec) : spec.update(remote!)),
    explain: (error) => platformErrorDiagnostics(message, spec.kind, spec.key, error),
  };
}

/**
 * Creates the object. A create refused as a duplicate (409, or Content Builder's 400 for a
 * taken customerKey) may be our own earlier attempt that SFMC applied before the connection
 * dropped: the object is read back and, if it is there, brought up to date instead.
 */
async function createOrConverge(spec: ObjectSpec): Promise<void> {
  try {
    await spec.create();
  } catch (error) {
    if (!(error instanceof PlatformError) || (error.details.status !== 409 && error.details.status !== 400)) throw error;
    const existing = await spec.read();
    if (!existing) throw error;
    if (compareWithRemote(spec.desired, existing).action !== 'unchanged') await spec.update(existing);
  }
}

function keyInUse(message: Message, spec: ObjectSpec, owner: string): Diagnostic {
  const pattern = languageKeysOf(message.definition.targets.sfmc!);
  const made = spec.language === undefined ? '' : ` (its ${languageName(spec.language) ?? spec.language} one, made by languageKeys "${pattern}")`;
  return {
    ruleId: schemaMessage.meta.id,
    severity: schemaMessage.meta.defaultSeverity,
    message: `the SFMC ${spec.kind} key "${spec.key}"${made} is also used by message ${owner}: keys are unique in SFMC, so only one message can publish it`,
    hint: made ? 'give each message its own keys, or set targets.sfmc.languageKeys to a pattern that makes new ones' : 'give each message its own keys',
    file: message.file,
    ...message.document.locate(['targets', 'sfmc', ...spec.setting], 'value'),
  };
}
