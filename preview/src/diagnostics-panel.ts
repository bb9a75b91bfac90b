import type { PreviewDiagnostic } from '../../src/preview/api-types.js';
import { h, replaceChildren } from './element.js';
import { icon } from './icons.js';

export interface DiagnosticsPanel {
  /** The list of problems. */
  element: HTMLElement;
  /** Their counts by severity ("2 errors 1 warning"), for the Problems tab. */
  summary: HTMLElement;
  show(diagnostics: readonly PreviewDiagnostic[]): void;
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

function bySeverityThenPosition(a: PreviewDiagnostic, b: PreviewDiagnostic): number {
  return severityOrder[a.severity] - severityOrder[b.severity] || a.relativeFile.localeCompare(b.relativeFile) || a.line - b.line || a.column - b.column;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function severityCounts(diagnostics: readonly PreviewDiagnostic[]): { errors: number; warnings: number; infos: number } {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  return { errors, warnings, infos: diagnostics.length - errors - warnings };
}

/** "2 errors, 1 warning": what the Problems tab says, in words. */
export function describeProblems(diagnostics: readonly PreviewDiagnostic[]): string {
  const { errors, warnings, infos } = severityCounts(diagnostics);
  const parts = [errors > 0 && plural(errors, 'error'), warnings > 0 && plural(warnings, 'warning'), infos > 0 && plural(infos, 'note')];
  return parts.filter((part) => part !== false).join(', ') || 'no problems';
}

/**
 * The problems of the shown message and sample: severity, message, hint, rule id and
 * file:line:col, which `onOpen` opens (in the editor).
 */
export function createDiagnosticsPanel(onOpen: (diagnostic: PreviewDiagnostic) => void): DiagnosticsPanel {
  const summary = h('span', { class: 'problems-summary', 'data-testid': 'problems-summary' });
  const list = h('ul', { class: 'problems-list', 'data-testid': 'problems' });

  return {
    element: list,
    summary,
    show(diagnostics) {
      const { errors, warnings, infos } = severityCounts(diagnostics);
      list.dataset['state'] = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'clean';
      replaceChildren(
        summary,
        ...(diagnostics.length === 0
          ? [h('span', { class: 'summary-clean' }, icon('check', 'icon icon-xs'), 'No problems')]
          : [
              errors > 0 && h('span', { class: 'summary-error' }, icon('error', 'icon icon-xs'), plural(errors, 'error')),
              warnings > 0 && h('span', { class: 'summary-warning' }, icon('warning', 'icon icon-xs'), plural(warnings, 'warning')),
              infos > 0 && h('span', { class: 'summary-info' }, icon('info', 'icon icon-xs'), plural(infos, 'note')),
            ]),
      );
      replaceChildren(
        list,
        ...[...diagnostics].sort(bySeverityThenPosition).map((diagnostic) =>
          h(
            'li',
            // The row shows one line of each; the title has them in full.
            {
              class: `diagnostic diagnostic-${diagnostic.severity}`,
              'data-rule': diagnostic.ruleId,
              title: diagnostic.hint ? `${diagnostic.message}\n${diagnostic.hint}` : diagnostic.message,
            },
            icon(diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'info', 'icon diagnostic-icon'),
            h(
              'div',
              { class: 'diagnostic-body' },
              h('div', { class: 'diagnostic-message' }, diagnostic.message),
              diagnostic.hint && h('div', { class: 'diagnostic-hint' }, diagnostic.hint),
            ),
            h('code', { class: 'diagnostic-rule' }, diagnostic.ruleId),
            h(
              'button',
              { type: 'button', class: 'diagnostic-location', title: `Open ${diagnostic.file} in your editor`, onclick: () => onOpen(diagnostic) },
              `${diagnostic.relativeFile}:${diagnostic.line}:${diagnostic.column}`,
            ),
          ),
        ),
      );
    },
  };
}
