import './outbox.css';
import type { PreviewDiagnostic } from '../../src/preview/api-types.js';
import type { OutboxEntry } from '../../src/sandbox/outbox/outbox-entry.js';
import { fetchWorkspace, openInEditor } from './api.js';
import { createDiagnosticsPanel } from './diagnostics-panel.js';
import { createEmailPane, type EmailDisplay } from './email-view.js';
import { h, replaceChildren } from './element.js';
import { icon } from './icons.js';
import { fetchOutbox, onOutboxEntry } from './outbox-api.js';
import type { EmailTab } from './selection.js';
import { createSmsPane } from './sms-view.js';
import { createWhatsappPane } from './whatsapp-view.js';
import { createTabs } from './tabs.js';

/** Sends show as a desktop client would: 800 px, fitted to the pane, light. */
const desktop: Omit<EmailDisplay, 'tab'> = { width: 800, zoom: 'fit', dark: false };

const outcomeLabels = { sent: 'Sent', failed: 'Failed', refused: 'Refused' } as const;
const platformLabels = { sfmc: 'SFMC', customerio: 'Customer.io' } as const;
const channelTitles = { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' } as const;

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString();
}

function outcomeBadge(entry: OutboxEntry): HTMLElement {
  return h('span', { class: `outbox-outcome is-${entry.outcome.status}`, 'data-testid': 'outbox-outcome' }, outcomeLabels[entry.outcome.status]);
}

/** What the platform said, for a send that did not go out. */
function outcomeDetail(entry: OutboxEntry): string {
  const { outcome } = entry;
  if (outcome.status === 'sent') return '';
  if (outcome.status === 'failed') return `${outcome.reason}${outcome.statusCode !== undefined ? ` (status ${outcome.statusCode})` : ''}`;
  return `HTTP ${outcome.httpStatus}${outcome.errorCode !== undefined ? `, errorcode ${outcome.errorCode}` : ''}: ${outcome.reason}`;
}

/**
 * The Outbox: every send the sandbox beside the preview received (`txkit dev --sandbox`), newest
 * first and live, each opened to show it rendered (the email in the preview's own email pane, the
 * SMS on its phone), with the outcome, the diagnostics and the request as the application sent it.
 * Shown over the workspace preview from a topbar button, which appears only when a sandbox runs.
 */
export async function mountOutbox(topbar: HTMLElement, root: HTMLElement): Promise<void> {
  const first = await fetchOutbox().catch(() => undefined);
  if (!first) return;
  let entries = first.entries;
  const limit = first.limit;
  let selectedId: string | undefined;
  let workspaceRoot = '';
  let emailTab: EmailTab = 'preview';

  const count = h('span', { class: 'outbox-count', 'data-testid': 'outbox-count' });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'toggle outbox-toggle',
      'aria-pressed': 'false',
      'data-testid': 'outbox-toggle',
      title: 'The sends your application made to the sandbox, rendered',
    },
    icon('email'),
    'Outbox',
    count,
  );
  const list = h('ol', { class: 'outbox-list', 'data-testid': 'outbox-list', 'aria-label': 'Sends' });
  const listHeader = h(
    'div',
    { class: 'outbox-list-header' },
    h('span', {}, 'Outbox'),
    h('span', { class: 'outbox-limit' }, `newest first, last ${limit} kept`),
  );
  const detail = h('div', { class: 'outbox-detail', 'data-testid': 'outbox-detail' });
  const element = h(
    'section',
    { class: 'outbox', 'data-testid': 'outbox', hidden: true, 'aria-label': 'Outbox' },
    h('div', { class: 'outbox-list-pane' }, listHeader, list),
    detail,
  );

  // Sends are shown at desktop width: the frame's width handle has nothing to resize here.
  const emailPane = createEmailPane(h('span', { hidden: true }));
  const smsPane = createSmsPane();
  const whatsappPane = createWhatsappPane();
  // A send's problems point into the workspace as the preview's do: a click opens the file in the editor.
  const diagnostics = createDiagnosticsPanel(
    (diagnostic) => void openInEditor(diagnostic.relativeFile, diagnostic.line, diagnostic.column).catch(() => undefined),
  );
  const emailTabs = createTabs<EmailTab>(
    'View',
    [
      { value: 'preview', label: 'Preview', panel: emailPane.body },
      { value: 'html', label: 'HTML', panel: emailPane.body },
      { value: 'text', label: 'Plain text', panel: emailPane.body },
    ],
    (tab) => {
      emailTab = tab;
      emailTabs.set(tab);
      emailPane.redisplay({ ...desktop, tab });
    },
  );
  emailTabs.set(emailTab);

  function previewDiagnostics(entry: OutboxEntry): PreviewDiagnostic[] {
    return entry.diagnostics.map((diagnostic) => ({
      ...diagnostic,
      relativeFile: workspaceRoot && diagnostic.file.startsWith(`${workspaceRoot}/`) ? diagnostic.file.slice(workspaceRoot.length + 1) : diagnostic.file,
    }));
  }

  function showList(): void {
    count.textContent = String(entries.length);
    if (entries.length === 0) {
      replaceChildren(
        list,
        h('li', { class: 'outbox-empty' }, 'No sends yet. Point your application at the sandbox (see the README) and they appear here as they arrive.'),
      );
      return;
    }
    replaceChildren(
      list,
      ...entries.map((entry) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'outbox-item',
              'data-id': entry.id,
              'aria-current': entry.id === selectedId ? 'true' : undefined,
              onclick: () => select(entry.id),
            },
            h('span', { class: `channel channel-${entry.channel}`, title: channelTitles[entry.channel] }, icon(entry.channel)),
            h(
              'span',
              { class: 'outbox-item-lines' },
              h(
                'span',
                { class: 'outbox-item-top' },
                h('span', { class: 'outbox-recipient', 'data-testid': 'outbox-recipient' }, entry.recipient || '(no recipient)'),
                outcomeBadge(entry),
              ),
              h(
                'span',
                { class: 'outbox-item-meta' },
                h('span', {}, entry.message ?? entry.templateKey),
                h('span', {}, `${platformLabels[entry.platform]} · ${time(entry.receivedAt)}`),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function showDetail(): void {
    const entry = entries.find((candidate) => candidate.id === selectedId);
    if (!entry) {
      replaceChildren(
        detail,
        h(
          'div',
          { class: 'empty-state' },
          h('h2', {}, 'Pick a send'),
          h('p', {}, 'Each send shows rendered as the platform would deliver it, with its request and problems.'),
        ),
      );
      return;
    }
    const reason = outcomeDetail(entry);
    let stage: HTMLElement;
    if (entry.email) {
      emailPane.show(entry.email, { ...desktop, tab: emailTab }, false);
      stage = h('div', { class: 'outbox-stage' }, emailTabs.element, emailPane.element);
    } else if (entry.sms) {
      smsPane.show(entry.sms, false);
      stage = h('div', { class: 'outbox-stage', 'data-channel': 'sms' }, smsPane.element);
    } else if (entry.whatsapp) {
      whatsappPane.show(entry.whatsapp, false);
      stage = h('div', { class: 'outbox-stage', 'data-channel': 'whatsapp' }, whatsappPane.element);
    } else {
      stage = h(
        'div',
        { class: 'outbox-stage empty-state' },
        h('p', {}, entry.unrendered ? `Not rendered: ${entry.unrendered}.` : 'Not rendered: the platform refused the send.'),
      );
    }
    diagnostics.show(previewDiagnostics(entry));
    replaceChildren(
      detail,
      h(
        'header',
        { class: 'outbox-detail-header' },
        h('h2', { class: 'outbox-title', 'data-testid': 'outbox-title' }, entry.message ?? entry.templateKey),
        outcomeBadge(entry),
        h(
          'dl',
          { class: 'outbox-facts' },
          h('dt', {}, 'To'),
          h('dd', {}, entry.recipient || '—'),
          h('dt', {}, platformLabels[entry.platform]),
          h('dd', {}, `${entry.platform === 'sfmc' ? 'definitionKey' : 'transactional_message_id'} ${entry.templateKey || '—'}`),
          h('dt', {}, entry.platform === 'sfmc' ? 'messageKey' : 'delivery_id'),
          h('dd', {}, entry.messageKey ?? '—'),
          h('dt', {}, 'Received'),
          h('dd', {}, new Date(entry.receivedAt).toLocaleString()),
        ),
        reason && h('p', { class: `outbox-reason is-${entry.outcome.status}`, 'data-testid': 'outbox-reason' }, reason),
      ),
      stage,
      diagnostics.element,
      h(
        'details',
        { class: 'outbox-request', open: true },
        h('summary', {}, `Request: ${entry.request.method} ${entry.request.path}`),
        h('pre', { class: 'code-view', 'data-testid': 'outbox-request' }, JSON.stringify(entry.request.body, null, 2)),
      ),
    );
  }

  function select(id: string): void {
    selectedId = id;
    showList();
    showDetail();
  }

  function setOpen(open: boolean): void {
    element.hidden = !open;
    toggle.setAttribute('aria-pressed', String(open));
    if (open && workspaceRoot === '')
      void fetchWorkspace().then(
        (snapshot) => {
          workspaceRoot = snapshot.root;
          showDetail();
        },
        () => undefined,
      );
  }
  toggle.addEventListener('click', () => setOpen(element.hidden));

  onOutboxEntry(
    (entry) => {
      if (entries.some((known) => known.id === entry.id)) return;
      entries = [entry, ...entries].slice(0, limit);
      showList();
    },
    () =>
      void fetchOutbox().then(
        (latest) => {
          if (latest) {
            entries = latest.entries;
            showList();
            showDetail();
          }
        },
        () => undefined,
      ),
  );

  showList();
  showDetail();
  topbar.insertBefore(toggle, topbar.querySelector('.topbar-updated'));
  root.append(element);
}
