import type { TemplateSources } from '../../src/preview/api-types.js';
import { fetchTemplateSources } from './api.js';
import { createCodeView, type CodeLanguage } from './code-view.js';
import { h, replaceChildren } from './element.js';

export interface SourcePanel {
  element: HTMLElement;
  /** Shows message `id`'s template files (read when the panel is visible; again after each change). */
  show(id: string | undefined): void;
  /** The panel's tab was picked (true) or another one (false): files are read only while it is visible. */
  setVisible(visible: boolean): void;
}

function languageOf(file: string): CodeLanguage {
  return /\.(html|mjml)$/i.test(file) ? 'html' : /\.json$/i.test(file) ? 'json' : 'text';
}

/** The message's template files (message.yaml, bodies, text versions) as they are on disk, read-only, one at a time: a tab of the bottom panel. */
export function createSourcePanel(): SourcePanel {
  const picker = h('select', { class: 'select', 'aria-label': 'Template file', 'data-testid': 'source-file' });
  const code = createCodeView('Template source', 'template-source');
  const note = h('p', { class: 'source-note' });
  const element = h('div', { class: 'source-panel source-body', 'data-testid': 'source-panel' }, picker, note, code.element);
  let id: string | undefined;
  let visible = false;
  let files: TemplateSources['files'] = [];
  let request = 0;

  function showFile(): void {
    const file = files.find((candidate) => candidate.relativeFile === picker.value) ?? files[0];
    if (!file) return;
    note.textContent = 'problem' in file ? file.problem : '';
    code.show('text' in file ? file.text : '', languageOf(file.relativeFile));
  }

  async function load(): Promise<void> {
    if (id === undefined || !visible) return;
    const mine = ++request;
    const sources = await fetchTemplateSources(id);
    if (mine !== request) return;
    const chosen = picker.value;
    files = sources.files;
    replaceChildren(picker, ...files.map((file) => h('option', { value: file.relativeFile, selected: file.relativeFile === chosen }, file.relativeFile)));
    showFile();
  }

  picker.addEventListener('change', showFile);
  return {
    element,
    show(nextId) {
      id = nextId;
      void load();
    },
    setVisible(nextVisible) {
      visible = nextVisible;
      void load();
    },
  };
}
