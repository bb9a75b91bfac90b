import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { compileEmail, type CompiledEmail } from './compile-email.js';
import type { MjmlCache } from './mjml-cache.js';
import type { MjmlRunner } from './mjml-runner.js';
import { htmlToPlainText } from './plain-text.js';
import { preheaderInjector, type PreheaderInjector } from './preheader.js';
import type { TemplateSource } from '../workspace/template-source.js';
import type { EmailTemplates, Message, Sample } from '../workspace/index.js';
import { contextOf, renderTemplate, type RenderMessageOptions } from '../render/render-template.js';
import type { RenderContext } from '../render/index.js';

export interface RenderedEmail {
  subject: string;
  preheader: string;
  from: string;
  /** The personalized HTML, with the preheader injected as hidden preview text when the body has none. */
  html: string;
  /** The explicit text template rendered, else the text version of `html` (generated when first read: a getter, which a spread or JSON.stringify of the result does not copy). */
  text: string;
  diagnostics: Diagnostic[];
}

export interface RenderEmailOptions extends RenderMessageOptions {
  /** Compiled-MJML cache; defaults to the one the whole process shares. */
  cache?: MjmlCache;
  /** Folder mj-include may not leave; defaults to the folder holding the message folder (the workspace). */
  workspaceRoot?: string;
  /** Where mjml runs; in this thread by default. */
  mjml?: MjmlRunner;
}

/** What compiling a message's email can be told: all of it optional. */
export type CompileMessageEmailOptions = Pick<RenderEmailOptions, 'cache' | 'workspaceRoot' | 'mjml'>;

export type EmailMessage = Message & { email: EmailTemplates };

export function hasEmail(message: Message): message is EmailMessage {
  return message.email !== undefined;
}

/** Compiles a message's email body (MJML through the cache). */
export function compileMessageEmail(message: EmailMessage, options: CompileMessageEmailOptions = {}): Promise<CompiledEmail> {
  return compileEmail(message.email, { ...options, workspaceRoot: options.workspaceRoot ?? path.dirname(message.dir) });
}

// Found once per compiled body: parsing every personalized HTML again cost more than rendering it.
const injectors = new WeakMap<TemplateSource, PreheaderInjector>();

function injectorFor(body: TemplateSource): PreheaderInjector {
  let injector = injectors.get(body);
  if (!injector) injectors.set(body, (injector = preheaderInjector(body.text)));
  return injector;
}

/**
 * Personalizes an already compiled email for one sample: cheap (no mjml, no file access), so
 * callers that render many samples compile once. Diagnostics are the rendering's only.
 */
export function personalizeEmail(message: EmailMessage, compiled: CompiledEmail, sample: Sample | undefined, options: RenderMessageOptions): RenderedEmail {
  return personalizeEmailWithContext(message, compiled, contextOf(sample), options);
}

/** personalizeEmail for data that is not a sample file, such as the attributes of an API send (the sandbox's outbox). */
export function personalizeEmailWithContext(
  message: EmailMessage,
  compiled: CompiledEmail,
  context: RenderContext,
  options: RenderMessageOptions,
): RenderedEmail {
  const email = message.email;
  // Only the body is HTML: the subject, preheader, sender and text part are plain text, never HTML-escaped.
  const render = (source: Parameters<typeof renderTemplate>[0]) => renderTemplate(source, context, message, options);
  const body = renderTemplate(compiled.source, context, message, options, 'html');
  const subject = render(email.subject);
  const preheader = email.preheader ? render(email.preheader) : { output: '', diagnostics: [] };
  const from = render(email.from);
  // A body that failed to render stays empty rather than showing only the preheader.
  const html = body.output ? injectorFor(compiled.source)(body.output, preheader.output) : '';
  const text = email.text ? render(email.text) : undefined;
  return new PersonalizedEmail({ subject: subject.output, preheader: preheader.output, from: from.output, html, text: text?.output }, [
    ...body.diagnostics,
    ...subject.diagnostics,
    ...preheader.diagnostics,
    ...from.diagnostics,
    ...(text?.diagnostics ?? []),
  ]);
}

/**
 * A RenderedEmail whose generated text is made on first read: validate never reads it, and it
 * costs more than the render itself. The getter is the class's, not each object's: an object
 * literal with its own accessor made every personalization twice as slow.
 */
class PersonalizedEmail implements RenderedEmail {
  readonly subject: string;
  readonly preheader: string;
  readonly from: string;
  readonly html: string;
  #text: string | undefined;

  constructor(
    parts: Omit<RenderedEmail, 'text' | 'diagnostics'> & { text: string | undefined },
    readonly diagnostics: Diagnostic[],
  ) {
    this.subject = parts.subject;
    this.preheader = parts.preheader;
    this.from = parts.from;
    this.html = parts.html;
    this.#text = parts.text;
  }

  get text(): string {
    return (this.#text ??= htmlToPlainText(this.html));
  }
}

/** Compiles (cached) and personalizes a message's email for one sample; compile diagnostics come first. */
export async function renderEmail(message: Message, sample: Sample | undefined, options: RenderEmailOptions): Promise<RenderedEmail | undefined> {
  return renderEmailWithContext(message, contextOf(sample), options);
}

/** renderEmail for data that is not a sample file. */
export async function renderEmailWithContext(message: Message, context: RenderContext, options: RenderEmailOptions): Promise<RenderedEmail | undefined> {
  if (!hasEmail(message)) return undefined;
  const compiled = await compileMessageEmail(message, options);
  const rendered = personalizeEmailWithContext(message, compiled, context, options);
  rendered.diagnostics.unshift(...compiled.diagnostics);
  return rendered;
}
