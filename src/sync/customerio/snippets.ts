import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import { loadSnippets, snippetFile, snippetsFolder } from '../../workspace/snippets.js';
import type { Plan, PlanStep } from '../plan.js';
import { PlatformError } from '../platform-error.js';

/**
 * Customer.io snippets (`{{ snippets.footer }}`) published from `templates/_snippets/*.liquid`
 * through the App API: `GET /v1/snippets` lists them, `PUT /v1/snippets` with `{name, value}`
 * creates or updates one by name
 * (https://docs.customer.io/integrations/api/app/tag/snippets/updateSnippets/). Snippets the
 * workspace does not have are left alone: other messages in the Customer.io workspace may use them.
 */

export interface RemoteSnippet {
  name: string;
  value: string;
  updated_at?: number;
}

export interface SnippetsApi {
  listSnippets(): Promise<RemoteSnippet[]>;
  putSnippet(snippet: { name: string; value: string }): Promise<void>;
}

/** Steps of the snippets group in plans and push reports. */
const snippetsGroup = snippetsFolder;

/** Customer.io's limits on a snippet (name ≤ 150 characters; value ≤ 16000 by default). */
const maxNameLength = 150;
const defaultMaxValueLength = 16_000;

function limitDiagnostics(workspaceRoot: string, name: string, value: string): Diagnostic[] {
  const file = path.join(workspaceRoot, snippetFile(name));
  const problems: Diagnostic[] = [];
  if (name.length > maxNameLength) {
    problems.push({
      ruleId: 'customerio/snippet',
      severity: 'error',
      message: `snippet name "${name}" is longer than Customer.io's ${maxNameLength} characters`,
      file,
      line: 1,
      column: 1,
    });
  }
  if (value.length > defaultMaxValueLength) {
    problems.push({
      ruleId: 'customerio/snippet',
      severity: 'warning',
      message: `snippet "${name}" is ${value.length} characters; Customer.io accepts ${defaultMaxValueLength} by default`,
      file,
      line: 1,
      column: 1,
    });
  }
  return problems;
}

/** The plan for the workspace's snippets: one `snippet` step each, compared with the remote value. */
export async function planSnippets(workspaceRoot: string, api: SnippetsApi): Promise<Plan> {
  const local = loadSnippets(workspaceRoot);
  if (local.size === 0) return { steps: [], drift: [], diagnostics: [] };
  let remote: RemoteSnippet[];
  try {
    remote = await api.listSnippets();
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const file = path.join(workspaceRoot, snippetsFolder);
    return {
      steps: [],
      drift: [],
      diagnostics: [{ ruleId: 'customerio/api-error', severity: 'error', message: `snippets: ${error.message}`, file, line: 1, column: 1 }],
    };
  }
  const remoteValues = new Map(remote.map((snippet) => [snippet.name, snippet.value]));
  const steps: PlanStep[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, value] of local) {
    const problems = limitDiagnostics(workspaceRoot, name, value);
    diagnostics.push(...problems);
    if (problems.some((problem) => problem.severity === 'error')) continue;
    const before = remoteValues.get(name);
    steps.push({
      id: `customerio:snippet:${name}`,
      platform: 'customerio',
      kind: 'snippet',
      key: name,
      messageId: snippetsGroup,
      action: before === undefined ? 'create' : before === value ? 'unchanged' : 'update',
      changes: before === value ? [] : [{ path: 'value', before, after: value }],
      dependsOn: [],
      apply: () => api.putSnippet({ name, value }),
    });
  }
  return { steps, drift: [], diagnostics };
}

/** Content that uses snippets is written after them: a step of `plan` waits for every snippet step. */
export function withSnippetsFirst(snippets: Plan, messages: Plan): Plan {
  const snippetIds = snippets.steps.map((step) => step.id);
  return {
    steps: [...snippets.steps, ...messages.steps.map((step) => ({ ...step, dependsOn: [...step.dependsOn, ...snippetIds] }))],
    drift: [...snippets.drift, ...messages.drift],
    diagnostics: [...snippets.diagnostics, ...messages.diagnostics],
  };
}
