import { statSync } from 'node:fs';
import launchEditor from 'launch-editor';
import { isSecretsFile, resolveInside } from '../workspace/index.js';

/** `POST /__txkit/api/open-in-editor`: a workspace file and a 1-based position in it. */
export interface OpenInEditorRequest {
  file: string;
  line: number;
  column: number;
}

function isPosition(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10_000_000;
}

/** The request's fields, or why it is not one. */
export function parseOpenInEditorRequest(text: string): OpenInEditorRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'send { "file", "line", "column" } as JSON';
  }
  const { file, line, column } = (value ?? {}) as Record<string, unknown>;
  if (typeof file !== 'string' || file === '' || !isPosition(line) || !isPosition(column))
    return 'send { "file": "<workspace-relative path>", "line": N, "column": N }';
  return { file, line, column };
}

/**
 * Opens a file of the workspace at a position in the user's editor, as Vite's overlay does
 * (`launch-editor`: `LAUNCH_EDITOR`, else a running editor it recognizes, else `VISUAL` /
 * `EDITOR`). Only a regular file inside the workspace (symlinks resolved), never a secrets
 * file: the path comes from a request. Returns why not, or undefined once the editor is started.
 */
export function openInEditor(workspaceRoot: string, request: OpenInEditorRequest, onEditorError: (message: string) => void): string | undefined {
  const confined = resolveInside(workspaceRoot, workspaceRoot, request.file);
  if (confined.problem !== undefined) return confined.problem;
  if (isSecretsFile(confined.path)) return `"${request.file}" holds credentials and is not opened`;
  let regular: boolean;
  try {
    regular = statSync(confined.path).isFile();
  } catch {
    regular = false;
  }
  if (!regular) return `no file "${request.file}" in the workspace`;
  launchEditor(`${confined.path}:${request.line}:${request.column}`, (file, message) =>
    onEditorError(`could not open ${file} in the editor${message ? `: ${message}` : ''}`),
  );
  return undefined;
}
