import type {
  ApiError,
  MessageView,
  SampleSaveResult,
  SampleSource,
  SendTargets,
  SendTestRequest,
  SendTestResult,
  TemplateSources,
  WorkspaceSnapshot,
} from '../../src/preview/api-types.js';

/** Same base path as the server's apiBase (src/preview/middlewares/api.ts). */
const apiBase = '/__txkit/api/';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T states the route's answer (src/preview/api-types.ts)
async function request<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(apiBase + path, { cache: 'no-store', ...init });
  const body = (await response.json()) as T | ApiError;
  if (!response.ok) throw new ApiRequestError(response.status, (body as ApiError).error ?? response.statusText);
  return { status: response.status, body: body as T };
}

const segment = encodeURIComponent;

export async function fetchWorkspace(): Promise<WorkspaceSnapshot> {
  return (await request<WorkspaceSnapshot>('workspace')).body;
}

/** The message in `language` rendered with `sample` (the server's defaults when undefined). */
export async function fetchView(id: string, sample: string | undefined, language?: string): Promise<MessageView> {
  const params = new URLSearchParams();
  if (sample) params.set('sample', sample);
  if (language) params.set('language', language);
  const query = params.size > 0 ? `?${params}` : '';
  return (await request<MessageView>(`messages/${segment(id)}${query}`)).body;
}

export async function fetchSample(id: string, name: string): Promise<SampleSource> {
  return (await request<SampleSource>(`messages/${segment(id)}/samples/${segment(name)}`)).body;
}

/** Saves the sample text; a refused text (invalid JSON, wrong shape) comes back with its diagnostics. */
export async function saveSample(id: string, name: string, text: string): Promise<SampleSaveResult> {
  return (
    await request<SampleSaveResult>(`messages/${segment(id)}/samples/${segment(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: text,
    })
  ).body;
}

/** Asks the server to open a workspace file at a position in the user's editor (launch-editor). */
export async function openInEditor(file: string, line: number, column: number): Promise<void> {
  await request<{ opened: boolean }>('open-in-editor', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ file, line, column }),
  });
}

export async function fetchSendTargets(): Promise<string[]> {
  return (await request<SendTargets>('send-targets')).body.targets;
}

/** Sends a test of the message; refusals (before or by the platform) come back as an outcome. */
export async function sendTest(id: string, test: SendTestRequest): Promise<SendTestResult> {
  return (
    await request<SendTestResult>(`messages/${segment(id)}/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(test),
    })
  ).body;
}

/** Creates `samples/<name>.json` with the text; refused (invalid) texts come back with their diagnostics, an existing name as an error. */
export async function createSample(id: string, name: string, text: string): Promise<SampleSaveResult> {
  return (
    await request<SampleSaveResult>(`messages/${segment(id)}/samples/${segment(name)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: text,
    })
  ).body;
}

export async function fetchTemplateSources(id: string): Promise<TemplateSources> {
  return (await request<TemplateSources>(`messages/${segment(id)}/sources`)).body;
}
