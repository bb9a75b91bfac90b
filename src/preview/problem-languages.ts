import { defaultLanguageOf, languageViews, type Message } from '../workspace/index.js';

/** The languages a problem in `file` concerns; undefined when it concerns every language. */
export type ProblemLanguages = (file: string) => string[] | undefined;

/** The files a language's view of a message renders from: its bodies and its samples. */
function filesOf(view: Message): string[] {
  const files = [view.email?.body.file, view.email?.text?.file, view.sms?.body.file, view.whatsapp?.body.file, ...view.samples.map((sample) => sample.file)];
  return files.filter((file): file is string => file !== undefined);
}

/**
 * A problem concerns the languages whose view of the message (`inLanguage`) uses its file: a
 * translation's body (email.fr.mjml), a sample naming its language, or the default body when
 * every translation has its own. A file every language uses (sms.txt without sms.fr.txt) or
 * none does (message.yaml, an MJML include) is every language's.
 */
export function problemLanguages(message: Message): ProblemLanguages {
  const views = languageViews(message);
  const languagesByFile = new Map<string, string[]>();
  for (const view of views) {
    for (const file of new Set(filesOf(view))) languagesByFile.set(file, [...(languagesByFile.get(file) ?? []), defaultLanguageOf(view)]);
  }
  return (file) => {
    const languages = languagesByFile.get(file);
    return languages && languages.length < views.length ? languages : undefined;
  };
}
