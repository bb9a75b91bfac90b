import { Option, type Command } from 'commander';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import { renderEmail } from '../../email/render-email.js';
import { renderSms } from '../../sms/render-sms.js';
import { createEngines } from '../../render/index.js';
import { analyzeSms, type SmsAnalysis } from '../../sms/index.js';
import { customerioLinkRewrite } from '../../sms/customerio-link-rewrite.js';
import { sendLinks } from '../../sms/links-as-sent.js';
import { syncTargetFor, syncTargetNames } from '../../sync/targets.js';
import {
  defaultLanguageOf,
  defaultSample,
  defaultSampleName,
  inLanguage,
  isBroken,
  messageLanguages,
  samplePath,
  samplesDir,
  type Message,
  type Sample,
} from '../../workspace/index.js';
import { findMessage, openWorkspace, type WorkspaceOptions } from '../open-workspace.js';
import { colors, formatProblems, writeErr, writeJson, writeOut } from '../terminal.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import type { Run } from './run.js';
import { printWhatsapp } from './print-whatsapp.js';

type Channel = 'email' | 'sms' | 'whatsapp';

interface RenderCommandOptions extends WorkspaceOptions {
  sample?: string;
  channel?: Channel;
  json?: boolean;
  text?: boolean;
  target?: string;
  language?: string;
}

/** The named sample (a usage error naming the others when it does not exist), else the default one. */
export function pickSample(message: Message, name: string | undefined, names = message.samples.map((candidate) => candidate.name)): Sample | undefined {
  if (name !== undefined) {
    const sample = message.samples.find((candidate) => candidate.name === name);
    if (!sample) {
      throw new UsageError(`message "${message.id}" has no sample "${name}"${names.length ? `; samples: ${names.join(', ')}` : ''}`);
    }
    return sample;
  }
  return defaultSample(message);
}

/**
 * Load problems of the sample(s) `render` would use: the named sample's file, or every sample
 * file when none loaded. Rendering without that data would only bury the real problem under
 * "undefined attribute" errors.
 */
function sampleProblems(message: Message, name: string | undefined): Diagnostic[] {
  if (name !== undefined) return message.diagnostics.filter((diagnostic) => diagnostic.file === samplePath(message.dir, name));
  if (message.samples.length > 0) return [];
  return message.diagnostics.filter((diagnostic) => path.dirname(diagnostic.file) === samplesDir(message.dir));
}

function pickChannel(message: Message, channel: Channel | undefined): Channel {
  const available = [
    ...(message.email ? ['email' as const] : []),
    ...(message.sms ? ['sms' as const] : []),
    ...(message.whatsapp ? ['whatsapp' as const] : []),
  ];
  if (channel === undefined) return available[0]!;
  if (!available.includes(channel)) throw new UsageError(`message "${message.id}" has no ${channel} channel; it has: ${available.join(', ')}`);
  return channel;
}

/** `GSM-7 · 142 chars · 1 segment` */
export function smsSummary(analysis: SmsAnalysis): string {
  return `${analysis.encoding} · ${analysis.characters} chars · ${analysis.segments} segment${analysis.segments === 1 ? '' : 's'}`;
}

/** `--target`: the message as the platform stores it, personalization in the platform's syntax (no sample). */
async function renderExported(message: Message, workspaceRoot: string, options: RenderCommandOptions & { target: string }): Promise<ExitCode> {
  const target = syncTargetFor(options.target);
  if (!target?.exportMessage) throw new UsageError(`${options.target} has no exported form to show`);
  const exported = await target.exportMessage(message, { workspaceRoot });
  const published: Channel[] = [
    ...(exported.email ? ['email' as const] : []),
    ...(exported.sms ? ['sms' as const] : []),
    ...(exported.whatsapp ? ['whatsapp' as const] : []),
  ];
  const channel = options.channel ?? published[0];
  if (!channel || !published.includes(channel)) {
    throw new UsageError(
      `message "${message.id}" does not publish ${options.channel ? `its ${options.channel}` : 'anything'} to ${options.target}${published.length ? `; it publishes: ${published.join(', ')}` : ''}`,
    );
  }
  const base = { message: message.id, target: options.target, channel, diagnostics: exported.diagnostics };
  if (channel === 'email') {
    const email = exported.email!;
    if (options.json) writeJson({ ...base, ...email });
    else {
      writeOut(colors.dim(`Subject: ${email.subject}\nPreheader: ${email.preheader}\n`));
      writeOut(options.text ? email.text : email.html);
    }
  } else {
    const { text } = (channel === 'sms' ? exported.sms : exported.whatsapp)!;
    if (options.json) writeJson({ ...base, text });
    else writeOut(text);
  }
  if (exported.diagnostics.length > 0 && !options.json) writeErr(formatProblems(exported.diagnostics));
  return exported.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? ExitCode.problems : ExitCode.ok;
}

export function registerRender(command: Command, run: Run): void {
  command
    .argument('<message>', 'message id (its folder name)')
    .option('-s, --sample <name>', 'sample file name without .json (default: "standard", else the first)')
    .addOption(new Option('-c, --channel <channel>', 'which channel to print (default: email when present)').choices(['email', 'sms', 'whatsapp']))
    .option(
      '-l, --language <code>',
      "render this translation (a language of the message, e.g. fr); default: the named sample's language, else the default language",
    )
    .option('--text', 'email: print the plain-text version instead of the HTML')
    .option('--json', 'print the full result as JSON')
    .addOption(
      new Option('-t, --target <platform>', 'print the form published to this platform (its personalization syntax) instead of a rendering').choices(
        syncTargetNames(),
      ),
    )
    .action((id: string, options: RenderCommandOptions) =>
      run(async () => {
        // Only the sample to render is parsed: a message may keep large samples beside it.
        // The names of all of them are kept for the "no sample X" error.
        let sampleNames: string[] = [];
        const opened = await openWorkspace(options, [id], {
          samples: (names) => {
            sampleNames = [...names].sort();
            // A language's default sample is known only once the samples' "language" is read.
            if (options.language !== undefined && options.sample === undefined) return names;
            return [options.sample ?? defaultSampleName(names)].filter((name) => name !== undefined);
          },
        });
        const loaded = await findMessage(opened, id);
        // Nothing to render: the problems are the answer.
        const reportProblems = (): ExitCode => {
          if (options.json) writeJson({ message: id, diagnostics: opened.diagnostics });
          else writeErr(formatProblems(opened.diagnostics));
          return ExitCode.problems;
        };
        if (isBroken(loaded)) return reportProblems();
        // A named sample that did not load is the answer, before its language is looked for.
        if (options.sample !== undefined && sampleProblems(loaded, options.sample).length > 0) return reportProblems();
        const named = options.sample === undefined ? undefined : pickSample(loaded, options.sample, sampleNames);
        const language = options.language ?? named?.language ?? defaultLanguageOf(loaded);
        const message = inLanguage(loaded, language);
        if (!message) throw new UsageError(`message "${id}" has no language "${language}"; it has: ${messageLanguages(loaded).join(', ')}`);
        if (options.target) return renderExported(message, opened.config.workspace, { ...options, target: options.target });
        if (sampleProblems(message, options.sample).length > 0) return reportProblems();
        const sample = named ?? defaultSample(message);
        const channel = pickChannel(message, options.channel);
        const engines = createEngines(undefined, opened.config);
        const base = { message: message.id, language, sample: sample?.name ?? null, channel };
        // Config and load problems of this message (openWorkspace loaded only it), then the render's own.
        let diagnostics = opened.diagnostics;
        if (channel === 'email') {
          const email = (await renderEmail(message, sample, { engines }))!;
          diagnostics = [...diagnostics, ...email.diagnostics];
          if (options.json) {
            writeJson({ ...base, from: email.from, subject: email.subject, preheader: email.preheader, html: email.html, text: email.text, diagnostics });
          } else {
            writeOut(colors.dim(`From: ${email.from}\nSubject: ${email.subject}\nPreheader: ${email.preheader}\n`));
            writeOut(options.text ? email.text : email.html);
          }
        } else if (channel === 'whatsapp') {
          diagnostics = printWhatsapp(message, sample, { engines, json: options.json, base, diagnostics });
        } else {
          const sms = renderSms(message, sample, { engines })!;
          diagnostics = [...diagnostics, ...sms.diagnostics];
          const analysis = analyzeSms(sms.text);
          const rewrite = customerioLinkRewrite(message, opened.config);
          const sent = rewrite && sendLinks(sms.text, rewrite);
          if (options.json) {
            const asSent = sent
              ? { text: sent.text, links: sent.links, linkRewrite: sent.rewrite.kind, linkLength: sent.rewrite.length, ...sent.analysis }
              : null;
            writeJson({ ...base, to: sms.to, text: sms.text, ...analysis, asSent, diagnostics });
          } else {
            writeOut(sms.text);
            const sentSummary = sent && sent.links > 0 ? ` · as Customer.io sends it: ${smsSummary(sent.analysis)}` : '';
            writeOut(colors.dim(`${smsSummary(analysis)}${sentSummary} · to ${sms.to}`));
          }
        }
        if (diagnostics.length > 0 && !options.json) writeErr(formatProblems(diagnostics));
        return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? ExitCode.problems : ExitCode.ok;
      }),
    );
}
