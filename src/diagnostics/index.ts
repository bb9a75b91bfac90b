export type { Diagnostic, Position, Severity } from './diagnostic.js';
export { positionAt, offsetAt } from './position.js';
export { uniqueDiagnostics } from './unique.js';
