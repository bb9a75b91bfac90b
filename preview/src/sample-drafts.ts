/**
 * Unsaved sample edits, kept in the tab's sessionStorage so a reload (or an HMR full reload)
 * does not lose them; keyed by the sample's file, cleared once it is saved or reverted.
 */
export interface SampleDrafts {
  get(file: string): string | undefined;
  set(file: string, text: string): void;
  delete(file: string): void;
}

const prefix = 'txkit:sample-draft:';

export function sessionDrafts(storage: Storage = sessionStorage): SampleDrafts {
  return {
    get: (file) => storage.getItem(prefix + file) ?? undefined,
    set(file, text) {
      try {
        storage.setItem(prefix + file, text);
      } catch {
        // Storage full or refused: the draft lives on in the editor until the page goes.
      }
    },
    delete: (file) => storage.removeItem(prefix + file),
  };
}
