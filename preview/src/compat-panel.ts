import type { PreviewDiagnostic } from '../../src/preview/api-types.js';
import { h, replaceChildren } from './element.js';

export interface CompatPanel {
  element: HTMLElement;
  /** How many compatibility findings the shown email has (state: clean, info, warning). */
  badge: HTMLElement;
  show(diagnostics: readonly PreviewDiagnostic[]): void;
}

/** The rules whose findings name email clients (src/email/compat). */
const clientRules = new Set(['email/compat', 'email/img-format']);

/**
 * The clients a finding names, from the message email/compat writes
 * ("X is not supported in A, B (notes); partly supported in C").
 */
function clientsOf(message: string): Map<string, 'no' | 'partial'> {
  const clients = new Map<string, 'no' | 'partial'>();
  for (const part of message.split(/;\s*/)) {
    const match = /(not|partly) supported in ([^(]+)/.exec(part);
    if (!match) continue;
    for (const client of match[2]!
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean))
      clients.set(client, match[1] === 'not' ? 'no' : 'partial');
  }
  return clients;
}

/**
 * Compatibility: a matrix of the email's findings × the clients that lack them. Each finding's
 * file:line:col is a button `onOpen` opens (in the editor), as in the Problems panel.
 */
export function createCompatPanel(onOpen: (diagnostic: PreviewDiagnostic) => void): CompatPanel {
  const badge = h('span', { class: 'compat-badge', 'data-testid': 'compat-badge', title: 'Email-client compatibility findings' });
  const table = h('table', { class: 'compat-matrix', 'data-testid': 'compat-matrix' });
  const empty = h('p', { class: 'panel-empty' }, 'No compatibility findings for this message.');
  const element = h('div', { class: 'compat', 'data-testid': 'compat-panel' }, table, empty);
  return {
    element,
    badge,
    show(diagnostics) {
      const findings = diagnostics
        .filter((diagnostic) => clientRules.has(diagnostic.ruleId))
        .map((diagnostic) => ({ diagnostic, clients: clientsOf(diagnostic.message) }));
      const clients = [...new Set(findings.flatMap((finding) => [...finding.clients.keys()]))].sort();
      badge.textContent = String(findings.length);
      table.hidden = findings.length === 0;
      empty.hidden = findings.length > 0;
      badge.dataset['state'] = findings.some((finding) => finding.diagnostic.severity !== 'info') ? 'warning' : findings.length > 0 ? 'info' : 'clean';
      replaceChildren(
        table,
        h('thead', {}, h('tr', {}, h('th', {}, 'Feature'), ...clients.map((client) => h('th', { scope: 'col' }, client)))),
        h(
          'tbody',
          {},
          ...findings.map(({ diagnostic, clients: lacking }) =>
            h(
              'tr',
              { 'data-rule': diagnostic.ruleId },
              h(
                'th',
                { scope: 'row', title: diagnostic.message },
                diagnostic.message.split(' is ')[0],
                ' ',
                h(
                  'button',
                  { type: 'button', class: 'compat-source', title: `Open ${diagnostic.file} in your editor`, onclick: () => onOpen(diagnostic) },
                  `${diagnostic.relativeFile}:${diagnostic.line}:${diagnostic.column}`,
                ),
                diagnostic.hint &&
                  h(
                    'a',
                    { class: 'compat-doc', href: diagnostic.hint.replace(/^.*?(https:\/\/\S+).*$/, '$1'), target: '_blank', rel: 'noreferrer' },
                    'caniemail',
                  ),
              ),
              ...clients.map((client) => {
                const level = lacking.get(client);
                return h(
                  'td',
                  {
                    class: `compat-cell compat-${level ?? 'yes'}`,
                    title: level === 'no' ? 'not supported' : level === 'partial' ? 'partly supported' : 'supported',
                  },
                  level === 'no' ? '✕' : level === 'partial' ? '◐' : '',
                );
              }),
            ),
          ),
        ),
      );
    },
  };
}
