import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { forceLinting, lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState, Transaction } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';

/** A problem at a 1-based line and column, as the server reports it. */
export interface JsonProblem {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface JsonEditor {
  element: HTMLElement;
  text(): string;
  /** Replaces the text (no undo across files). */
  setText(text: string): void;
  /** Shows `problems` inline while the text is the one they were found in. */
  setProblems(problems: readonly JsonProblem[]): void;
  focusAt(line: number, column: number): void;
}

/** Offset in the document of a 1-based line and column, clamped to it. */
function offsetOf(state: EditorState, line: number, column: number): number {
  const at = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
  return Math.min(at.from + Math.max(column, 1) - 1, at.to);
}

/**
 * The sample editor's code editor (CodeMirror, minimal): line numbers, JSON highlighting,
 * undo, the parser's errors as you type and the server's problems inline. `onChange` after
 * every edit, `onSave` on Ctrl/⌘+S. `testId` marks the editable text.
 */
export function createJsonEditor(options: { label: string; testId: string; onChange: () => void; onSave: () => void }): JsonEditor {
  /** The server's problems and the text they were found in: an edit makes them stale. */
  let problems: { text: string; list: readonly JsonProblem[] } = { text: '', list: [] };
  const serverProblems = (view: EditorView): Diagnostic[] =>
    problems.text !== view.state.doc.toString()
      ? []
      : problems.list.map((problem) => ({
          from: offsetOf(view.state, problem.line, problem.column),
          to: offsetOf(view.state, problem.line, problem.column + 1),
          severity: problem.severity,
          message: problem.message,
        }));
  const parseProblems = jsonParseLinter();
  const view = new EditorView({
    state: EditorState.create({
      extensions: [
        lineNumbers(),
        history(),
        highlightActiveLine(),
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (options.onSave(), true) }, ...defaultKeymap, ...historyKeymap]),
        json(),
        syntaxHighlighting(defaultHighlightStyle),
        // The server's problems when it has some (its message and position are what saving refuses); the parser's otherwise.
        linter((current) => (serverProblems(current).length > 0 ? serverProblems(current) : current.state.doc.length > 0 ? parseProblems(current) : []), {
          delay: 300,
        }),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          'data-testid': options.testId,
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange();
        }),
      ],
    }),
  });
  const element = view.dom;
  element.classList.add('editor-text');

  return {
    element,
    text: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      // Loading a file is not an edit to undo.
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: Transaction.addToHistory.of(false) });
    },
    setProblems(list) {
      problems = { text: view.state.doc.toString(), list };
      forceLinting(view);
    },
    focusAt(line, column) {
      const offset = offsetOf(view.state, line, column);
      view.dispatch({ selection: EditorSelection.cursor(offset), scrollIntoView: true });
      view.focus();
    },
  };
}
