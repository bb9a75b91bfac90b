import { Option, type Command } from 'commander';
import { checkPhoneNumber } from '../../sms/index.js';
import { inLanguage, messageLanguages, type Message } from '../../workspace/index.js';
import type { SendOutcome, SendRequest } from '../../sync/sync-target.js';
import {
  concurrencyOption,
  openSyncTarget,
  reportingPlatformErrors,
  secondsOption,
  targetOption,
  type OpenedSync,
  type SyncOptions,
} from '../open-sync-target.js';
import { colors } from '../terminal.js';
import { ExitCode, UsageError } from '../../errors/usage-error.js';
import { pickSample } from './render.js';
import type { Run } from './run.js';

interface SendOptions extends SyncOptions {
  sample?: string;
  to: string;
  channel?: SendChannel;
  language?: string;
  timeout: string;
}

const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type SendChannel = SendRequest['channel'];

/** The channel `--to` addresses (an email address, else a phone number: SMS) unless `--channel` says. */
function channelFor(message: Message, to: string, channel: SendChannel | undefined): SendChannel {
  const chosen = channel ?? (to.includes('@') ? 'email' : 'sms');
  if (!message[chosen]) throw new UsageError(`message "${message.id}" has no ${chosen} channel`);
  if (chosen === 'email' && !EMAIL_ADDRESS.test(to)) throw new UsageError(`--to "${to}" is not an email address`);
  if (chosen !== 'email') {
    const phone = checkPhoneNumber(to);
    if (!phone.ok) throw new UsageError(`--to: ${phone.message}`);
  }
  return chosen;
}

/** Beyond the status wait, what the requests of a send may take in total. */
export const REQUESTS_DEADLINE_MS = 120_000;

export interface SendMessageRequest {
  id: string;
  to: string;
  channel?: SendChannel | undefined;
  sample?: string | undefined;
  /** A translation to send (its content and samples; on SFMC, its own definition); the default language when absent. */
  language?: string | undefined;
  /** How long to wait for the final status. */
  timeoutMs: number;
}

/**
 * Sends message `id` through an opened target: `txkit send`, and the preview's send-test
 * dialog. A message with errors, a bad recipient or an unknown sample is a UsageError;
 * `announce` is told what is about to be sent.
 */
export async function sendMessage(sync: OpenedSync, request: SendMessageRequest, announce: (text: string) => void): Promise<SendOutcome> {
  const loaded = sync.messages.find((candidate) => candidate.id === request.id);
  if (!loaded) throw new UsageError(`message "${request.id}" has errors (see above): fix them before sending it`);
  const message = request.language === undefined ? loaded : inLanguage(loaded, request.language);
  if (!message) throw new UsageError(`message "${loaded.id}" has no language "${request.language}"; it has: ${messageLanguages(loaded).join(', ')}`);
  const channel = channelFor(message, request.to, request.channel);
  // A named sample may be any language's; the default one is the language's own.
  const sample = pickSample(request.sample === undefined ? message : loaded, request.sample);
  const data = sample ?? { name: '(none)', file: message.file, data: { customer: {}, trigger: {} }, document: message.document };
  announce(`Sending ${message.id} (${channel}) to ${request.to} through ${sync.target.platform}, sample ${data.name}…`);
  return sync.connection.send({ message, sample: data, channel, to: request.to, timeoutMs: request.timeoutMs });
}

export function registerSend(command: Command, run: Run): void {
  command
    .argument('<message>', 'message id (its folder name)')
    .addOption(targetOption())
    .requiredOption('--to <address>', 'recipient: an email address, or a phone number in E.164 form (+14155552671)')
    .option('-s, --sample <name>', 'sample whose attributes are sent (default: "standard", else the first)')
    .addOption(
      new Option('-c, --channel <channel>', 'which channel to send (default: from --to, email or SMS; WhatsApp through Customer.io)').choices([
        'email',
        'sms',
        'whatsapp',
      ]),
    )
    .option('-l, --language <code>', 'send a translation, e.g. fr (default: the default language)')
    .option('--timeout <seconds>', 'how long to wait for the final status', '60')
    .addOption(concurrencyOption().hideHelp())
    .action((id: string, options: SendOptions) =>
      run(() =>
        reportingPlatformErrors(async () => {
          const wait = secondsOption('--timeout', options.timeout, 60);
          const sync = await openSyncTarget(options, [id], wait + REQUESTS_DEADLINE_MS);
          const outcome = await sendMessage(
            sync,
            { id, to: options.to, channel: options.channel, sample: options.sample, language: options.language, timeoutMs: wait },
            (text) => sync.output.out(colors.dim(text)),
          );
          const line = `${outcome.status}${outcome.id ? ` · ${outcome.id}` : ''}${outcome.detail ? ` · ${outcome.detail}` : ''}`;
          if (outcome.status === 'sent') sync.output.out(colors.green(`✔ ${line}`));
          else if (outcome.status === 'queued') sync.output.out(colors.yellow(`… ${line}`));
          else sync.output.err(colors.red(`✖ ${line}`));
          // `queued`: accepted, final status unknown (the timeout passed, or the platform reports it later).
          return outcome.status === 'not-sent' ? ExitCode.problems : ExitCode.ok;
        }),
      ),
    );
}
