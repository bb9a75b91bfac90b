import pLimit from 'p-limit';
import { PlatformError } from './platform-error.js';
import type { Plan, PlanStep } from './plan.js';

export type StepStatus = 'unchanged' | 'done' | 'failed' | 'skipped';

export interface StepResult {
  step: PlanStep;
  status: StepStatus;
  /** Why it failed or was skipped (platform message, secrets redacted). */
  reason?: string;
  error?: PlatformError;
}

export interface ExecutionReport {
  results: StepResult[];
  /** Messages whose every step ended done or unchanged. */
  published: string[];
  /** Messages with a failed or skipped step. */
  failed: string[];
}

/**
 * Runs the plan's writes with bounded concurrency. A step starts only after the steps it
 * depends on succeeded; if one failed, it is skipped (never a definition pointing at
 * content that was not written). Re-running converges because the plan is recomputed from
 * the remote state each time. Once `signal` aborts, the steps not yet started are skipped.
 */
export async function executePlan(plan: Plan, options: { concurrency?: number; signal?: AbortSignal } = {}): Promise<ExecutionReport> {
  const limit = pLimit(options.concurrency ?? 4);
  const running = new Map<string, Promise<StepResult>>();
  const byId = new Map(plan.steps.map((step) => [step.id, step]));

  const run = (step: PlanStep): Promise<StepResult> => {
    const existing = running.get(step.id);
    if (existing) return existing;
    const promise = (async (): Promise<StepResult> => {
      const dependencies = await Promise.all(
        step.dependsOn
          .map((id) => byId.get(id))
          .filter((dependency): dependency is PlanStep => dependency !== undefined)
          .map(run),
      );
      const blocked = dependencies.find((result) => result.status === 'failed' || result.status === 'skipped');
      if (blocked) return { step, status: 'skipped', reason: `not written: ${blocked.step.kind} ${blocked.step.key} failed` };
      if (step.action === 'unchanged') return { step, status: 'unchanged' };
      try {
        // After an interruption (SIGINT) no write starts; those in flight finish, so the summary is true.
        const started = await limit(async () => {
          if (options.signal?.aborted) return false;
          await step.apply();
          return true;
        });
        return started ? { step, status: 'done' } : { step, status: 'skipped', reason: 'interrupted (SIGINT)' };
      } catch (error) {
        if (error instanceof PlatformError) return { step, status: 'failed', reason: error.message, error };
        throw error;
      }
    })();
    running.set(step.id, promise);
    return promise;
  };

  const results = await Promise.all(plan.steps.map(run));
  const failed = new Set(results.filter((result) => result.status === 'failed' || result.status === 'skipped').map((result) => result.step.messageId));
  const published = [...new Set(results.map((result) => result.step.messageId))].filter((id) => !failed.has(id));
  return { results, published, failed: [...failed] };
}
