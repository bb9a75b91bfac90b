import { html } from '@codemirror/lang-html';
import { json } from '@codemirror/lang-json';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { h } from './element.js';

export type CodeLanguage = 'html' | 'json' | 'text';

export interface CodeView {
  element: HTMLElement;
  show(text: string, language: CodeLanguage): void;
}

const languages: Record<CodeLanguage, () => Extension> = { html: () => html(), json: () => json(), text: () => [] };

/**
 * Read-only code with line numbers and syntax highlighting (CodeMirror), and a Copy button.
 * `testId` marks the text itself, so a test reads the code without the line numbers.
 */
export function createCodeView(label: string, testId: string): CodeView {
  const language = new Compartment();
  const view = new EditorView({
    state: EditorState.create({
      extensions: [
        lineNumbers(),
        syntaxHighlighting(defaultHighlightStyle),
        EditorState.readOnly.of(true),
        EditorView.lineWrapping,
        // Focusable though read-only, so the scrolling view can be scrolled from the keyboard (axe: scrollable-region-focusable).
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': testId, tabindex: '0' }),
        language.of([]),
      ],
    }),
  });
  const copy = h('button', { type: 'button', class: 'button code-copy', 'data-testid': `${testId}-copy` }, 'Copy');
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(view.state.doc.toString()).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed'),
    );
    setTimeout(() => (copy.textContent = 'Copy'), 1500);
  });
  const element = h('div', { class: 'code-panel' }, copy, view.dom);
  let shownLanguage: CodeLanguage | undefined;

  return {
    element,
    show(text, nextLanguage) {
      const effects = nextLanguage !== shownLanguage ? language.reconfigure(languages[nextLanguage]()) : undefined;
      shownLanguage = nextLanguage;
      const changes = view.state.doc.toString() !== text ? { from: 0, to: view.state.doc.length, insert: text } : undefined;
      if (effects || changes) view.dispatch({ ...(changes ? { changes } : {}), ...(effects ? { effects } : {}) });
    },
  };
}
