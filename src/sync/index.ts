export {
  createHttpClient,
  defaultRetryPolicy,
  type HttpClient,
  type HttpClientOptions,
  type HttpResponse,
  type RequestOptions,
  type RetryPolicy,
} from './http-client.js';
export { executePlan, type ExecutionReport, type StepResult, type StepStatus } from './execute-plan.js';
export { formatPlan } from './format-plan.js';
export {
  countActions,
  diffFields,
  flattenFields,
  planAction,
  type ChangeAction,
  type Drift,
  type FieldChange,
  type Plan,
  type PlanStep,
  type Platform,
} from './plan.js';
export { PlatformError } from './platform-error.js';
export type { ExportedMessage, PulledMessage, SendOutcome, SendRequest, SyncConnection, SyncContext, SyncTarget } from './sync-target.js';
export { loadEnvironment, redact, secretValues, secretVariables, type Environment } from './secrets.js';
