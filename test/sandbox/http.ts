import type { Sandbox } from '../../src/sandbox/index.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One JSON request against the sandbox; `auth` becomes a Bearer header. */
export async function call(sandbox: Sandbox, method: string, path: string, { auth, body }: { auth?: string; body?: unknown } = {}): Promise<Answer> {
  const response = await fetch(new URL(path, sandbox.url), {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(auth === undefined ? {} : { Authorization: `Bearer ${auth}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** A fresh SFMC access token for the sandbox's configured client. */
export async function sfmcToken(sandbox: Sandbox): Promise<string> {
  const { clientId, clientSecret } = sandbox.options.sfmc;
  const answer = await call(sandbox, 'POST', '/v2/token', {
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
  return answer.body.access_token;
}

/** A minimal valid htmlemail body. */
export function htmlEmail(customerKey: string, name = customerKey): Record<string, unknown> {
  return {
    name,
    customerKey,
    assetType: { name: 'htmlemail', id: 208 },
    category: { id: 1 },
    views: { html: { content: '<p>Hi %%first_name%%</p>' }, subjectline: { content: 'Hello' } },
  };
}
