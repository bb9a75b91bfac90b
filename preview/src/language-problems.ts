import type { MessageView, PreviewDiagnostic } from '../../src/preview/api-types.js';
import { describeProblems } from './diagnostics-panel.js';
import { h, replaceChildren } from './element.js';

export interface LanguageProblems {
  /** The problems of the language on screen: its own and those every language shares. */
  shown: PreviewDiagnostic[];
  /** Each other language's own problems, in the order of the language picker; languages without any left out. */
  elsewhere: Array<{ language: string; diagnostics: PreviewDiagnostic[] }>;
}

/** Splits a view's problems by the languages the server says each concerns (`languages`, absent: all). */
export function problemsByLanguage(view: Pick<MessageView, 'diagnostics' | 'language' | 'languages'>): LanguageProblems {
  const concerns = (diagnostic: PreviewDiagnostic, language: string) => diagnostic.languages?.includes(language) ?? true;
  return {
    shown: view.diagnostics.filter((diagnostic) => concerns(diagnostic, view.language)),
    elsewhere: view.languages
      .filter((language) => language !== view.language)
      .map((language) => ({
        language,
        diagnostics: view.diagnostics.filter((diagnostic) => !concerns(diagnostic, view.language) && concerns(diagnostic, language)),
      }))
      .filter((other) => other.diagnostics.length > 0),
  };
}

export interface OtherLanguagesNote {
  element: HTMLElement;
  show(elsewhere: LanguageProblems['elsewhere']): void;
}

/**
 * "+4 in fr": how many problems the languages not on screen have, beside the checks tabs; a
 * click previews that language, where they are listed.
 */
export function createOtherLanguagesNote(languageName: (code: string) => string, onPick: (language: string) => void): OtherLanguagesNote {
  const element = h('span', { class: 'other-languages', 'data-testid': 'other-languages' });
  return {
    element,
    show(elsewhere) {
      replaceChildren(
        element,
        ...elsewhere.map(({ language, diagnostics }) => {
          const worst = diagnostics.some((diagnostic) => diagnostic.severity === 'error')
            ? 'error'
            : diagnostics.some((diagnostic) => diagnostic.severity === 'warning')
              ? 'warning'
              : 'info';
          return h(
            'button',
            {
              type: 'button',
              class: 'other-language',
              'data-language': language,
              'data-state': worst,
              title: `Only in ${languageName(language)}: ${describeProblems(diagnostics)}. Click to preview it.`,
              onclick: () => onPick(language),
            },
            `+${diagnostics.length} in ${language}`,
          );
        }),
      );
    },
  };
}
