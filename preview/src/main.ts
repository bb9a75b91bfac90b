import './styles.css';
import type { Channel, MessageView, PreviewDiagnostic, WorkspaceSnapshot, WorkspaceUpdate } from '../../src/preview/api-types.js';
import { ApiRequestError, fetchView, fetchWorkspace, openInEditor } from './api.js';
import { createCompatPanel } from './compat-panel.js';
import { createDiagnosticsPanel } from './diagnostics-panel.js';
import { createEmailPane } from './email-view.js';
import { h, replaceChildren } from './element.js';
import { icon } from './icons.js';
import { createOtherLanguagesNote, problemsByLanguage } from './language-problems.js';
import { onConnectionChange, onWorkspaceUpdate } from './live-updates.js';
import { mountOutbox } from './outbox-view.js';
import { createSampleEditor } from './sample-editor.js';
import { createResizablePanel } from './resizable-panels.js';
import { createSendDialog } from './send-dialog.js';
import { createShareActions } from './share-actions.js';
import { readSelection, selectionHash, type EmailTab, type Selection } from './selection.js';
import { createSidebar } from './sidebar.js';
import { createSmsPane } from './sms-view.js';
import { createSourcePanel } from './source-panel.js';
import { createTabs } from './tabs.js';
import { createWhatsappPane } from './whatsapp-view.js';
import { createWidthControl } from './width-control.js';

type DockTab = 'problems' | 'compat' | 'source';
/** Below this window width the sample data panel starts collapsed, below this height the problems panel: the email gets the room. */
const wideLayout = 1180;
const tallLayout = 820;

let selection: Selection = readSelection(location.hash);
let snapshot: WorkspaceSnapshot = { root: '', revision: -1, messages: [] };
let view: MessageView | undefined;
/** Which message and sample each pane shows (`id\0sample`), so a failed render keeps only a render of the same target. */
let emailShownFor: string | undefined;
let smsShownFor: string | undefined;
let whatsappShownFor: string | undefined;
/** Answers to older view requests are dropped, so a fast sequence of saves never shows an older render last. */
let latestViewRequest = 0;

// ── layout ──────────────────────────────────────────────────────────────────────────────
const workspaceLabel = h('span', { class: 'topbar-workspace' });
const connection = h(
  'span',
  { class: 'connection', 'data-state': 'connecting' },
  h('span', { class: 'connection-dot' }),
  h('span', { class: 'connection-label' }, 'Connecting'),
);
const updated = h('span', { class: 'topbar-updated', 'data-testid': 'last-update' });
const topbar = h(
  'header',
  { class: 'topbar' },
  h(
    'span',
    { class: 'brand' },
    h('span', { class: 'brand-mark' }, 'tx'),
    h('span', { class: 'brand-name' }, 'txkit'),
    h('span', { class: 'brand-product' }, 'preview'),
  ),
  workspaceLabel,
  h('span', { class: 'topbar-spacer' }),
  updated,
  connection,
);

const sidebar = createSidebar((id) => select({ message: id, sample: undefined, language: undefined }));
const title = h('h1', { class: 'message-title', 'data-testid': 'message-title' });
const description = h('p', { class: 'message-description' });
const engine = h('span', { class: 'chip' });
const sampleSelect = h('select', { class: 'select', 'aria-label': 'Sample', 'data-testid': 'sample-select' });
sampleSelect.addEventListener('change', () => select({ sample: sampleSelect.value }));
const sampleControl = h('label', { class: 'sample-control' }, h('span', { class: 'control-label' }, 'Sample'), sampleSelect);
// Another language shows its own samples: the sample is picked again, by the server's default.
const languageSelect = h('select', { class: 'select', 'aria-label': 'Language', 'data-testid': 'language-select' });
languageSelect.addEventListener('change', () => select({ language: languageSelect.value, sample: undefined }));
const languageControl = h('label', { class: 'sample-control', hidden: true }, h('span', { class: 'control-label' }, 'Language'), languageSelect);
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
const languageLabel = (code: string) => `${languageNames.of(code) ?? code} (${code})`;

const stage = h('section', { class: 'stage', 'data-testid': 'stage' });
const widthControl = createWidthControl((change) => select(change));
const emailPane = createEmailPane(widthControl.handle);
const smsPane = createSmsPane();
const whatsappPane = createWhatsappPane();
const channelTabs = createTabs<Channel>(
  'Channel',
  [
    { value: 'email', label: [icon('email'), 'Email'], panel: stage },
    { value: 'sms', label: [icon('sms'), 'SMS'], panel: stage },
    { value: 'whatsapp', label: [icon('whatsapp'), 'WhatsApp'], panel: stage },
  ],
  (channel) => select({ channel }),
);
const header = h(
  'div',
  { class: 'message-header' },
  h('div', { class: 'message-heading' }, title, engine, description),
  channelTabs.element,
  languageControl,
  sampleControl,
);

const emailTabs = createTabs<EmailTab>(
  'View',
  [
    { value: 'preview', label: 'Preview', panel: emailPane.body },
    { value: 'html', label: 'HTML', panel: emailPane.body },
    { value: 'text', label: 'Plain text', panel: emailPane.body },
  ],
  (tab) => select({ tab }),
);
const darkToggle = h(
  'button',
  { type: 'button', class: 'toggle', 'aria-pressed': 'false', title: 'Simulate a dark-mode email client', 'data-testid': 'dark-toggle' },
  icon('moon'),
  'Dark',
);
darkToggle.addEventListener('click', () => select({ dark: !selection.dark }));
// Width, zoom and dark mode only change the rendered preview: disabled (in place) on the source views.
const previewControls = h('fieldset', { class: 'toolbar-group', 'aria-label': 'Preview display' }, widthControl.element, darkToggle);
// SMS has none of these: their room is kept, so nothing moves when the channel changes.
const emailControls = h('div', { class: 'toolbar-group email-controls' }, emailTabs.element, previewControls);
const sendDialog = createSendDialog();
// A translated message sends the language shown (txkit send --language).
const shareActions = createShareActions(
  (channel) => view && sendDialog.open(view.id, view.sample, channel, view.languages.length > 1 ? view.language : undefined),
);
const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Email display' }, emailControls);
// In the top bar, which has room at every width: in the toolbar they took a second row from the email at 1024 px.
topbar.insertBefore(shareActions.element, updated);

const banner = h(
  'div',
  { class: 'stale-banner', role: 'alert', hidden: true, 'data-testid': 'stale-banner' },
  icon('warning'),
  h('span', {}, 'Showing the last good render: the latest save has errors (see Problems).'),
);
/** A problem's or a compatibility finding's file:line:col, clicked: the editor opens there (and the sample editor, for a sample). */
function openDiagnostic(diagnostic: PreviewDiagnostic): void {
  editor.reveal(diagnostic);
  openInEditor(diagnostic.relativeFile, diagnostic.line, diagnostic.column).catch((error: unknown) => {
    updated.textContent = `Could not open ${diagnostic.relativeFile}: ${error instanceof Error ? error.message : String(error)}`;
  });
}
const diagnostics = createDiagnosticsPanel(openDiagnostic);
const sourcePanel = createSourcePanel();
const compat = createCompatPanel(openDiagnostic);
const otherLanguages = createOtherLanguagesNote(languageLabel, (language) => select({ language, sample: undefined }));
const main = h('main', { class: 'main' }, header, toolbar, banner, stage);
// The tabpanel role goes on a wrapper: the list keeps its own (list) role.
const problemsPanel = h('div', { class: 'problems' }, diagnostics.element);
const dockTabs = createTabs<DockTab>(
  'Checks',
  [
    { value: 'problems', label: [h('span', { class: 'dock-tab-title' }, 'Problems'), diagnostics.summary], panel: problemsPanel },
    { value: 'compat', label: [h('span', { class: 'dock-tab-title' }, 'Compatibility'), compat.badge], panel: compat.element },
    { value: 'source', label: h('span', { class: 'dock-tab-title' }, 'Template source'), panel: sourcePanel.element },
  ],
  (tab) => showDockTab(tab),
);
const dockBar = h('div', { class: 'dock-bar' }, dockTabs.element, otherLanguages.element);
const dock = h(
  'section',
  { class: 'dock', 'aria-label': 'Checks', 'data-testid': 'dock' },
  dockBar,
  h('div', { class: 'dock-panels' }, problemsPanel, compat.element, sourcePanel.element),
);
/** A sample just created in the editor: shown as soon as the workspace lists it. */
let createdSample: { id: string; name: string } | undefined;
const editor = createSampleEditor((id, name) => {
  createdSample = { id, name };
  showCreatedSample();
});
const sidePanel = h('div', { class: 'side-panel sidebar-panel', 'data-rail-label': 'Messages' }, sidebar.element);
const inspectorPanel = h('div', { class: 'side-panel inspector-panel', 'data-rail-label': 'Sample data' }, editor.element);

const app = h('div', { class: 'app' }, topbar, sidePanel);
const sidebarResizer = createResizablePanel({
  name: 'sidebar',
  label: 'message list',
  panel: sidePanel,
  axis: 'x',
  growth: 1,
  min: 180,
  max: () => Math.min(480, innerWidth / 3),
  defaults: { collapsed: false },
});
const inspectorResizer = createResizablePanel({
  name: 'inspector',
  label: 'sample data panel',
  panel: inspectorPanel,
  axis: 'x',
  growth: -1,
  min: 240,
  max: () => Math.min(720, innerWidth / 2),
  defaults: { collapsed: innerWidth < wideLayout },
});
const dockResizer = createResizablePanel({
  name: 'dock',
  label: 'problems panel',
  panel: dock,
  axis: 'y',
  growth: -1,
  min: 80,
  max: () => main.clientHeight * 0.7,
  defaults: { collapsed: innerHeight < tallLayout },
});
sidePanel.prepend(sidebarResizer.toggle);
inspectorPanel.prepend(inspectorResizer.toggle);
dockBar.append(dockResizer.toggle);
main.append(dockResizer.separator, dock);
app.append(sidebarResizer.separator, main, inspectorResizer.separator, inspectorPanel);
const root = document.getElementById('app')!;
replaceChildren(root, app, sendDialog.element);
void mountOutbox(topbar, root);

/** Picking a checks tab also opens the panel when it is collapsed. */
function showDockTab(tab: DockTab): void {
  dockTabs.set(tab);
  sourcePanel.setVisible(tab === 'source');
  dockResizer.setCollapsed(false);
}
dockTabs.set('problems');

// ── state ───────────────────────────────────────────────────────────────────────────────
/**
 * At most one history update per 100 ms, the last one always written: dragging the frame's
 * width changes the selection on every pointer move, and Chromium ignores replaceState
 * beyond about 200 calls in 10 s.
 */
const hashInterval = 100;
let lastHashWrite = 0;
let pendingHashWrite: ReturnType<typeof setTimeout> | undefined;
function writeHash(): void {
  clearTimeout(pendingHashWrite);
  const wait = lastHashWrite + hashInterval - Date.now();
  if (wait > 0) {
    pendingHashWrite = setTimeout(writeHash, wait);
    return;
  }
  const hash = selectionHash(selection);
  if (location.hash === hash) return;
  history.replaceState(null, '', hash);
  lastHashWrite = Date.now();
}

function showEmptyStage(heading: string, text: string): void {
  replaceChildren(stage, h('div', { class: 'empty-state' }, h('h2', {}, heading), h('p', {}, text)));
}

/** Nothing to show (no messages, or the selected one is gone): no controls, no editor. */
function showNoMessage(heading: string, text: string): void {
  view = undefined;
  title.textContent = '';
  title.title = '';
  description.textContent = '';
  engine.textContent = '';
  header.hidden = true;
  toolbar.hidden = true;
  banner.hidden = true;
  showEmptyStage(heading, text);
  showProblems({ diagnostics: [], language: '', languages: [] });
  sourcePanel.show(undefined);
  void editor.open(undefined, undefined);
}

function applyControls(): void {
  channelTabs.set(selection.channel);
  emailTabs.set(selection.tab);
  widthControl.set(selection.width, selection.zoom);
  darkToggle.setAttribute('aria-pressed', String(selection.dark));
  const email = selection.channel === 'email' && view?.email !== undefined;
  emailControls.classList.toggle('is-reserved', !email);
  emailControls.inert = !email;
  previewControls.disabled = selection.tab !== 'preview';
  stage.dataset['channel'] = selection.channel;
  shareActions.show(view, selection.channel);
}

function emailDisplay() {
  return { tab: selection.tab, width: selection.width, zoom: selection.zoom, dark: selection.dark };
}

/** Shows `next`; a failed render of the message and sample on screen keeps the last good one there. */
function applyView(next: MessageView): void {
  if (next.broken && view && view.id === next.id && !view.broken) {
    // message.yaml broke: keep showing the last good render, with the new problems.
    banner.hidden = false;
    showProblems(next);
    return;
  }
  view = next;
  header.hidden = false;
  toolbar.hidden = false;
  title.textContent = next.name;
  // In full where a narrow column cuts it short.
  title.title = next.name;
  description.textContent = next.description ?? '';
  description.title = next.description ?? '';
  engine.textContent = next.engine ? (next.engine === 'liquid' ? 'Liquid' : 'Handlebars') : 'not loaded';
  replaceChildren(
    sampleSelect,
    ...(next.samples.length > 0
      ? next.samples.map((name) => h('option', { value: name, selected: name === next.sample }, name))
      : [h('option', { value: '' }, 'no samples')]),
  );
  sampleSelect.disabled = next.samples.length === 0;
  if (next.sample !== null) selection.sample = next.sample;
  const multilingual = next.languages.length > 1;
  languageControl.hidden = !multilingual;
  replaceChildren(languageSelect, ...next.languages.map((code) => h('option', { value: code, selected: code === next.language }, languageLabel(code))));
  selection.language = multilingual ? next.language : undefined;
  if (!next.channels.includes(selection.channel) && next.channels[0]) selection.channel = next.channels[0];
  channelTabs.setEnabled('email', next.channels.includes('email'));
  channelTabs.setEnabled('sms', next.channels.includes('sms'));
  channelTabs.setEnabled('whatsapp', next.channels.includes('whatsapp'));

  // A pane keeps its last good render only if that render is of this message; another sample's
  // render, under the banner, beats a blank frame when the template breaks for every sample.
  const target = next.id;
  let keptLastGood = false;
  if (next.broken) {
    showEmptyStage('This message does not load', 'Fix message.yaml (see Problems below); the preview updates when you save.');
  } else if (next.sample !== null && next.brokenSamples.includes(next.sample)) {
    keptLastGood = showLastGood(target);
    if (!keptLastGood)
      showEmptyStage(
        'This sample does not load',
        `Fix samples/${next.sample}.json in Sample data (its problems are listed there and below); the preview updates when you save.`,
      );
  } else if (selection.channel === 'email' && next.email) {
    keptLastGood = emailPane.show(next.email, emailDisplay(), emailShownFor === target);
    emailShownFor = target;
    if (stage.firstElementChild !== emailPane.element) replaceChildren(stage, emailPane.element);
  } else if (selection.channel === 'sms' && next.sms) {
    keptLastGood = smsPane.show(next.sms, smsShownFor === target);
    smsShownFor = target;
    if (stage.firstElementChild !== smsPane.element) replaceChildren(stage, smsPane.element);
  } else if (selection.channel === 'whatsapp' && next.whatsapp) {
    keptLastGood = whatsappPane.show(next.whatsapp, whatsappShownFor === target);
    whatsappShownFor = target;
    if (stage.firstElementChild !== whatsappPane.element) replaceChildren(stage, whatsappPane.element);
  }
  banner.hidden = !keptLastGood;
  const shown = showProblems(next);
  applyControls();
  writeHash();
  sourcePanel.show(next.id);
  void editor.open(next.id, next.sample ?? undefined, next.broken).then(() => editor.showFileProblems(shown));
}

/** The checks of the language on screen in the Problems and Compatibility tabs, the other languages' counted beside them; returns those listed. */
function showProblems(next: Pick<MessageView, 'diagnostics' | 'language' | 'languages'>): PreviewDiagnostic[] {
  const { shown, elsewhere } = problemsByLanguage(next);
  diagnostics.show(shown);
  compat.show(shown);
  otherLanguages.show(elsewhere);
  return shown;
}

/** Puts the last good render of message `target` in the selected channel back on stage; false when there is none. */
function showLastGood(target: string): boolean {
  const shown = { email: [emailShownFor, emailPane], sms: [smsShownFor, smsPane], whatsapp: [whatsappShownFor, whatsappPane] } as const;
  const [shownFor, pane] = shown[selection.channel];
  if (shownFor !== target) return false;
  if (stage.firstElementChild !== pane.element) replaceChildren(stage, pane.element);
  return true;
}

async function loadView(): Promise<void> {
  const id = selection.message;
  if (id === undefined) {
    showNoMessage('No messages yet', `Create a folder with a message.yaml in ${snapshot.root}; it appears here as soon as you save.`);
    return;
  }
  const request = ++latestViewRequest;
  try {
    const next = await fetchView(id, selection.sample, selection.language);
    if (request === latestViewRequest) applyView(next);
  } catch (error) {
    if (request !== latestViewRequest) return;
    const chosen = selection.sample ?? selection.language;
    if (error instanceof ApiRequestError && error.status === 404 && chosen !== undefined && snapshot.messages.some((message) => message.id === id)) {
      // The sample is gone (renamed, deleted): fall back to the language's default sample; the language is gone: to the default language.
      if (selection.sample !== undefined) selection.sample = undefined;
      else selection.language = undefined;
      await loadView();
      return;
    }
    showNoMessage('Message not found', `There is no message "${id}" in the workspace (it may have been deleted).`);
  }
}

function select(change: Partial<Selection>): void {
  const previous = selection;
  selection = { ...selection, ...change };
  writeHash();
  if (selection.message !== previous.message) {
    sidebar.update(snapshot.messages, selection.message);
    void loadView();
  } else if (selection.sample !== previous.sample || selection.language !== previous.language) {
    void loadView();
  } else if (selection.channel !== previous.channel && view) {
    applyView(view);
  } else {
    applyControls();
    if (view?.email && selection.channel === 'email') emailPane.redisplay(emailDisplay());
  }
}

function applySnapshot(next: WorkspaceSnapshot): void {
  snapshot = next;
  workspaceLabel.textContent = next.root;
  workspaceLabel.title = next.root;
  if (selection.message === undefined && next.messages[0]) selection.message = next.messages[0].id;
  sidebar.update(next.messages, selection.message);
}

function showCreatedSample(): void {
  const created = createdSample;
  if (!created || !snapshot.messages.some((message) => message.id === created.id && message.samples.includes(created.name))) return;
  createdSample = undefined;
  // A new sample names no language: the server shows it in the default one.
  select({ message: created.id, sample: created.name, language: undefined });
}

onWorkspaceUpdate((update: WorkspaceUpdate) => {
  if (update.revision <= snapshot.revision) return;
  applySnapshot(update);
  showCreatedSample();
  updated.textContent = `Updated ${new Date().toLocaleTimeString()}`;
  const id = selection.message;
  if (id !== undefined && update.removed.includes(id)) {
    // Asking for it would only answer 404 (an error in the console): say so, and keep the selection so it comes back if restored.
    latestViewRequest++;
    showNoMessage(
      'Message deleted',
      `"${id}" was deleted from the workspace. Pick another message from the list; it shows again here if its folder comes back.`,
    );
  } else if (id !== undefined && update.changed.includes(id)) {
    void loadView();
    void editor.reloadFromDisk();
  } else if (view === undefined) {
    void loadView();
  }
});

onConnectionChange((connected) => {
  connection.dataset['state'] = connected ? 'live' : 'offline';
  connection.lastElementChild!.textContent = connected ? 'Live' : 'Reconnecting…';
});

window.addEventListener('hashchange', () => {
  const next = readSelection(location.hash);
  if (selectionHash(next) !== selectionHash(selection)) select(next);
});

async function start(): Promise<void> {
  applySnapshot(await fetchWorkspace());
  if (selection.message !== undefined && !snapshot.messages.some((message) => message.id === selection.message)) {
    selection = { ...selection, message: snapshot.messages[0]?.id, sample: undefined, language: undefined };
    sidebar.update(snapshot.messages, selection.message);
  }
  connection.dataset['state'] = 'live';
  connection.lastElementChild!.textContent = 'Live';
  await loadView();
}

void start();
