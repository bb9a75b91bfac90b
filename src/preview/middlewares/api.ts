import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect } from 'vite';
import { fileSizeLimits, readWorkspaceFile } from '../../workspace/index.js';
import { workspaceRead } from '../../workspace/rules/index.js';
import type { ApiError, SampleSaveResult, SampleSource, SendTargets, SendTestRequest, TemplateSources } from '../api-types.js';
import { previewDiagnostic } from '../message-view.js';
import type { PreviewWorkspace } from '../preview-workspace.js';
import { openInEditor, parseOpenInEditorRequest } from '../open-in-editor.js';
import { createSample, locateSample, writeSample } from '../sample-writer.js';
import type { TestSender } from '../test-sender.js';
import { crossOriginReason } from './same-origin.js';

/** Every route of the preview's JSON API lives under this path (the UI's api.ts uses the same). */
export const apiBase = '/__txkit/api/';

/** A sample is a small JSON file; anything larger is refused before it is read whole. */
const maxSampleBytes = 1_000_000;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxSampleBytes) throw new HttpProblem(413, `a request body is at most ${maxSampleBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes must come from the preview page itself, as every read must (sameOriginMiddleware),
 * and not even a navigation of another page may write: a cross-site form posts as one. JSON
 * bodies need a CORS preflight besides, which never passes.
 */
function assertSameOrigin(req: IncomingMessage): void {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json')) throw new HttpProblem(415, 'send the body as application/json');
  const reason = crossOriginReason(req, { allowNavigation: false });
  if (reason !== undefined) throw new HttpProblem(403, `cross-origin writes are refused (${reason})`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpProblem(400, 'malformed URL');
  }
}

/** What the API needs besides the workspace. */
export interface ApiOptions {
  /** Told when the editor could not be started. */
  onEditorError: (message: string) => void;
  /** Sends test messages; without it the send-test dialog offers no target. */
  sender?: TestSender;
}

function parseSendRequest(text: string): SendTestRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'send { "target", "channel", "to", "sample", "language" } as JSON');
  }
  const { target, channel, to, sample, language } = (value ?? {}) as Record<string, unknown>;
  if (
    typeof target !== 'string' ||
    (channel !== 'email' && channel !== 'sms' && channel !== 'whatsapp') ||
    typeof to !== 'string' ||
    (sample !== undefined && typeof sample !== 'string') ||
    (language !== undefined && typeof language !== 'string')
  ) {
    throw new HttpProblem(
      400,
      'send { "target": "<platform>", "channel": "email" | "sms" | "whatsapp", "to": "<address>", "sample": "<name>", "language": "<code>" }',
    );
  }
  return { target, channel, to, ...(sample ? { sample } : {}), ...(language ? { language } : {}) };
}

async function handle(workspace: PreviewWorkspace, options: ApiOptions, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = url.pathname.slice(apiBase.length).split('/').map(decodeSegment);
  const method = req.method ?? 'GET';

  if (route.length === 1 && route[0] === 'workspace' && method === 'GET') {
    sendJson(res, 200, workspace.snapshot());
    return;
  }
  if (route.length === 1 && route[0] === 'open-in-editor' && method === 'POST') {
    assertSameOrigin(req);
    const request = parseOpenInEditorRequest(await readBody(req));
    if (typeof request === 'string') throw new HttpProblem(400, request);
    const problem = openInEditor(workspace.root, request, options.onEditorError);
    if (problem !== undefined) throw new HttpProblem(404, problem);
    sendJson(res, 200, { opened: true });
    return;
  }
  if (route.length === 1 && route[0] === 'send-targets' && method === 'GET') {
    const body: SendTargets = { targets: [...(options.sender?.targets ?? [])] };
    sendJson(res, 200, body);
    return;
  }
  if (route[0] !== 'messages' || route[1] === undefined) throw new HttpProblem(404, `no API route ${url.pathname}`);
  const id = route[1];
  const dir = workspace.messageDir(id);
  if (dir === undefined) throw new HttpProblem(404, `no message "${id}"`);

  if (route.length === 2 && method === 'GET') {
    const sample = url.searchParams.get('sample') ?? undefined;
    const language = url.searchParams.get('language') ?? undefined;
    const view = await workspace.view(id, sample, language);
    if (!view)
      throw new HttpProblem(
        404,
        `message "${id}" has no ${[language && `language "${language}"`, sample && `sample "${sample}"`].filter(Boolean).join(' or ')}`,
      );
    sendJson(res, 200, view);
    return;
  }
  if (route.length === 3 && route[2] === 'sources' && method === 'GET') {
    // Read as every template is read: confined to the workspace, regular files, bounded, never a secrets file.
    const files = await Promise.all(
      (workspace.templateFiles(id) ?? []).map(async (file) => {
        const relativeFile = path.relative(workspace.root, file).split(path.sep).join('/');
        const read = await readWorkspaceFile(file, { root: workspace.root, maxBytes: fileSizeLimits.template, ruleId: workspaceRead.meta.id });
        return read.diagnostic ? { relativeFile, problem: read.diagnostic.message } : { relativeFile, text: read.text };
      }),
    );
    const body: TemplateSources = { files };
    sendJson(res, 200, body);
    return;
  }
  if (route.length === 3 && route[2] === 'send' && method === 'POST') {
    assertSameOrigin(req);
    const request = parseSendRequest(await readBody(req));
    if (!options.sender?.targets.includes(request.target)) throw new HttpProblem(404, `no target "${request.target}" to send through`);
    // Refused or not sent is an answer to show, not a failure: 200 either way.
    sendJson(res, 200, await options.sender.send(id, request));
    return;
  }
  if (route.length === 4 && route[2] === 'samples' && method === 'PUT') {
    assertSameOrigin(req);
    const result = await createSample(workspace.root, dir, route[3]!, await readBody(req));
    if ('problem' in result) throw new HttpProblem(409, result.problem);
    const body: SampleSaveResult = {
      saved: result.written,
      diagnostics: result.diagnostics.map((diagnostic) => previewDiagnostic(diagnostic, workspace.root)),
    };
    sendJson(res, 200, body);
    return;
  }
  if (route.length === 4 && route[2] === 'samples') {
    const name = route[3]!;
    const located = locateSample(workspace.root, dir, name);
    if (located.problem !== undefined) throw new HttpProblem(404, located.problem);
    const relativeFile = path.relative(workspace.root, located.file).split(path.sep).join('/');
    if (method === 'GET') {
      const body: SampleSource = { name, relativeFile, text: await readFile(located.file, 'utf8') };
      sendJson(res, 200, body);
      return;
    }
    if (method === 'POST') {
      assertSameOrigin(req);
      const result = await writeSample(located.file, await readBody(req));
      const body: SampleSaveResult = {
        saved: result.written,
        diagnostics: result.diagnostics.map((diagnostic) => previewDiagnostic(diagnostic, workspace.root)),
      };
      // A refused text is an answer, not a failure: 200 with `saved: false` (a 4xx would be logged as an error in the browser's console on every keystroke-save).
      sendJson(res, 200, body);
      return;
    }
  }
  throw new HttpProblem(405, `${method} ${url.pathname} is not supported`);
}

/**
 * The JSON API over the preview's workspace: the message list, rendered views, the sample
 * editor's read and write, opening a file in the user's editor, and test sends.
 */
export function apiMiddleware(workspace: PreviewWorkspace, options: ApiOptions): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    if (!url.pathname.startsWith(apiBase)) {
      next();
      return;
    }
    handle(workspace, options, req, res, url).catch((error: unknown) => {
      const status = error instanceof HttpProblem ? error.status : 500;
      const body: ApiError = { error: error instanceof Error ? error.message : String(error) };
      sendJson(res, status, body);
    });
  };
}
