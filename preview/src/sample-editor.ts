import type { PreviewDiagnostic } from '../../src/preview/api-types.js';
import { createSample, fetchSample, saveSample } from './api.js';
import { h, replaceChildren } from './element.js';
import { icon } from './icons.js';
import { createJsonEditor } from './json-editor.js';
import { sessionDrafts } from './sample-drafts.js';

export interface SampleEditor {
  element: HTMLElement;
  /** Opens the sample `name` of message `id` (nothing to edit when either is missing; `broken`: its message.yaml does not load). */
  open(id: string | undefined, name: string | undefined, broken?: boolean): Promise<void>;
  /** Lists those of `diagnostics` that are in the open sample's file (a sample broken on disk), unless a refused save's are shown. */
  showFileProblems(diagnostics: readonly PreviewDiagnostic[]): void;
  /** Puts the cursor at the diagnostic's position when it is in the open sample's file. */
  reveal(diagnostic: PreviewDiagnostic): void;
  /** The file changed on disk: reload it unless the user has unsaved edits. */
  reloadFromDisk(): Promise<void>;
}

/**
 * The sample's JSON in a code editor (json-editor.ts: highlighting, its problems inline). Save (or Ctrl/⌘+S) posts it to the server, which
 * refuses anything that is not a valid sample and otherwise replaces the file atomically;
 * the preview then updates through the normal file-watch path. Unsaved edits are kept per
 * sample while you look at other messages, and across a reload of the page. New sample
 * creates `samples/<name>.json` from the text in the editor (`onCreated` is told).
 */
export function createSampleEditor(onCreated: (id: string, name: string) => void): SampleEditor {
  const fileLabel = h('span', { class: 'editor-file', 'data-testid': 'sample-file' });
  const code = createJsonEditor({ label: 'Sample data (JSON)', testId: 'sample-editor', onChange: () => edited(), onSave: () => void submit() });
  const status = h('div', { class: 'editor-status', role: 'status', 'data-testid': 'sample-status' });
  const problems = h('ul', { class: 'editor-problems', 'data-testid': 'sample-problems' });
  const revert = h('button', { type: 'button', class: 'button', disabled: true }, 'Revert');
  const save = h(
    'button',
    { type: 'button', class: 'button button-primary', disabled: true, 'data-testid': 'sample-save' },
    icon('save', 'icon icon-xs'),
    'Save',
  );
  const empty = h('p', { class: 'editor-empty' }, 'Pick a message to edit its sample data.');
  const body = h(
    'div',
    { class: 'editor-body', hidden: true },
    code.element,
    problems,
    h('div', { class: 'editor-footer' }, status, h('div', { class: 'editor-actions' }, revert, save)),
  );
  const newButton = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'new-sample' }, 'New sample');
  const newName = h('input', {
    class: 'new-sample-name',
    type: 'text',
    placeholder: 'name',
    'aria-label': 'New sample name',
    spellcheck: 'false',
    autocomplete: 'off',
    'data-testid': 'new-sample-name',
  });
  const newForm = h(
    'form',
    { class: 'new-sample', hidden: true },
    h('span', { class: 'control-label' }, 'samples/'),
    newName,
    h('span', { class: 'control-label' }, '.json'),
    h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'new-sample-create' }, 'Create'),
  );
  const element = h(
    'aside',
    { class: 'inspector' },
    h('div', { class: 'inspector-header' }, h('span', { class: 'inspector-title' }, 'Sample data'), fileLabel, newButton),
    newForm,
    body,
    empty,
  );

  let id: string | undefined;
  let name: string | undefined;
  let broken = false;
  /** The file's text as last read or saved. */
  let onDisk = '';
  const drafts = sessionDrafts();
  /** The sample's file relative to the workspace (as the server names it): what drafts are keyed by. */
  const key = () => `${id}/samples/${name}.json`;

  function setStatus(text: string, tone: 'neutral' | 'ok' | 'error' | 'dirty' = 'neutral'): void {
    status.textContent = text;
    status.dataset['tone'] = tone;
  }

  function refreshState(): void {
    const dirty = code.text() !== onDisk;
    if (dirty) drafts.set(key(), code.text());
    else drafts.delete(key());
    save.disabled = !dirty;
    revert.disabled = !dirty;
    if (dirty && status.dataset['tone'] !== 'error') setStatus('Unsaved changes', 'dirty');
    if (!dirty && status.dataset['tone'] === 'dirty') setStatus('');
  }

  function focusAt(position: { line: number; column: number }): void {
    code.focusAt(position.line, position.column);
  }

  function showProblems(diagnostics: readonly PreviewDiagnostic[]): void {
    code.setProblems(diagnostics);
    replaceChildren(
      problems,
      ...diagnostics.map((diagnostic) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'editor-problem',
              // A warning looks like one, as in Problems: red is kept for what stops the render.
              'data-severity': diagnostic.severity,
              title: 'Show in the editor',
              onclick: () => focusAt(diagnostic),
            },
            icon(diagnostic.severity, 'icon icon-xs'),
            h('span', { class: 'editor-problem-message' }, diagnostic.message),
            h('span', { class: 'editor-problem-position' }, `line ${diagnostic.line}, column ${diagnostic.column}`),
          ),
        ),
      ),
    );
  }

  async function submit(): Promise<void> {
    if (id === undefined || name === undefined || code.text() === onDisk) return;
    const text = code.text();
    save.disabled = true;
    setStatus('Saving…');
    try {
      const result = await saveSample(id, name, text);
      if (result.saved) {
        onDisk = text;
        showProblems([]);
        setStatus('Saved: the preview updates from the file', 'ok');
      } else {
        showProblems(result.diagnostics);
        setStatus('Not saved: the file is unchanged', 'error');
      }
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
    refreshState();
  }

  function edited(): void {
    if (status.dataset['tone'] === 'ok') setStatus('');
    refreshState();
  }
  save.addEventListener('click', () => void submit());
  revert.addEventListener('click', () => {
    code.setText(onDisk);
    showProblems([]);
    setStatus('');
    refreshState();
  });

  newButton.addEventListener('click', () => {
    newForm.hidden = !newForm.hidden;
    if (!newForm.hidden) newName.focus();
  });
  newForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const messageId = id;
    const created = newName.value.trim();
    if (messageId === undefined || created === '') return;
    // The new sample starts as a copy of the one on screen, so it has the attributes the templates use.
    const text = name !== undefined ? code.text() : '{\n  "customer": {},\n  "trigger": {}\n}\n';
    createSample(messageId, created, text).then(
      (result) => {
        if (!result.saved) {
          showProblems(result.diagnostics);
          setStatus(`Not created: samples/${created}.json would not be a valid sample`, 'error');
          return;
        }
        newForm.hidden = true;
        newName.value = '';
        setStatus(`Created samples/${created}.json`, 'ok');
        onCreated(messageId, created);
      },
      (error: unknown) => setStatus(`Not created: ${error instanceof Error ? error.message : String(error)}`, 'error'),
    );
  });

  async function load(): Promise<void> {
    const requested = key();
    const source = await fetchSample(id!, name!);
    if (requested !== key()) return;
    fileLabel.textContent = source.relativeFile;
    onDisk = source.text;
    code.setText(drafts.get(key()) ?? source.text);
    refreshState();
  }

  return {
    element,
    async open(nextId, nextName, nextBroken = false) {
      if (nextId === id && nextName === name && nextBroken === broken) return;
      id = nextId;
      name = nextName;
      broken = nextBroken;
      showProblems([]);
      setStatus('');
      const editable = id !== undefined && name !== undefined;
      newButton.hidden = id === undefined || broken;
      newForm.hidden = true;
      body.hidden = !editable;
      empty.hidden = editable;
      empty.textContent =
        id === undefined
          ? 'Pick a message to edit its sample data.'
          : broken
            ? 'Its samples cannot be listed while message.yaml does not load: fix it (see Problems).'
            : 'This message has no samples. Add one as samples/<name>.json in its folder.';
      fileLabel.textContent = '';
      if (editable) await load();
    },
    showFileProblems(diagnostics) {
      if (status.dataset['tone'] === 'error' || fileLabel.textContent === '') return;
      showProblems(diagnostics.filter((diagnostic) => diagnostic.relativeFile === fileLabel.textContent));
    },
    reveal(diagnostic) {
      if (fileLabel.textContent !== '' && diagnostic.relativeFile === fileLabel.textContent) focusAt(diagnostic);
    },
    async reloadFromDisk() {
      if (id === undefined || name === undefined || code.text() !== onDisk) return;
      await load();
    },
  };
}
