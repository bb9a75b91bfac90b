/** Where `txkit dev` listens unless told otherwise; kept apart so the CLI reads them without loading Vite. */
export const defaultPreviewHost = '127.0.0.1';
export const defaultPreviewPort = 5173;
