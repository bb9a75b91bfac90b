import type { Colors } from 'picocolors/types.js';
import { countActions, type Plan } from './plan.js';

function preview(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}…"` : text;
}

export interface PlanStyle {
  colors: Colors;
  /** Makes a name from the workspace or the platform safe to print (the CLI escapes control characters). */
  name: (text: string) => string;
}

/**
 * A plan as people read it: per message, each object with + create, ~ update (field by field), = unchanged.
 * Values are JSON-quoted, which escapes control characters; names go through `name`.
 */
export function formatPlan(plan: Plan, { colors, name }: PlanStyle): string {
  const lines: string[] = [];
  const messages = [...new Set([...plan.steps.map((step) => step.messageId), ...plan.drift.map((drift) => drift.messageId)])];
  for (const messageId of messages) {
    lines.push(colors.bold(name(messageId)));
    for (const step of plan.steps.filter((candidate) => candidate.messageId === messageId)) {
      const label = name(`${step.platform} ${step.kind} ${step.key}`);
      if (step.action === 'create') lines.push(colors.green(`  + ${label} (create)`));
      else if (step.action === 'unchanged') lines.push(colors.dim(`  = ${label} (unchanged)`));
      else {
        lines.push(colors.yellow(`  ~ ${label} (update)`));
        for (const change of step.changes) lines.push(`      ${change.path}: ${colors.red(preview(change.before))} → ${colors.green(preview(change.after))}`);
      }
    }
    for (const drift of plan.drift.filter((candidate) => candidate.messageId === messageId)) {
      lines.push(
        colors.magenta(
          `  ! ${name(`${drift.platform} ${drift.kind} ${drift.key}: ${drift.field}`)} is ${preview(drift.actual)} on the platform, message.yaml expects ${preview(drift.expected)} (change it in the platform's UI)`,
        ),
      );
    }
  }
  const counts = countActions(plan);
  lines.push(
    `Plan: ${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged${plan.drift.length ? `, ${plan.drift.length} setting${plan.drift.length === 1 ? '' : 's'} drifted` : ''}.`,
  );
  return lines.join('\n');
}
