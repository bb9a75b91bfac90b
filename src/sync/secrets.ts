import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** Variables whose values are secrets: never printed, logged or written, and scrubbed from errors. */
export const secretVariables = [
  'SFMC_CLIENT_SECRET',
  'SFMC_CLIENT_ID',
  'CUSTOMERIO_APP_API_KEY',
  'CUSTOMERIO_TRANSACTIONAL_API_KEY',
  'SFMC_ENS_SIGNATURE_KEY',
  'CUSTOMERIO_WEBHOOK_SIGNING_KEY',
] as const;

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The process environment over a git-ignored `.env` in the project root (the real
 * environment wins, as with dotenv). The file is parsed with Node's own parser.
 */
export function loadEnvironment(projectRoot: string, env: NodeJS.ProcessEnv = process.env): Environment {
  let fromFile: Record<string, string> = {};
  try {
    // An editor's byte-order mark would otherwise become part of the first variable's name.
    fromFile = parseEnv(readFileSync(path.join(projectRoot, '.env'), 'utf8').replace(/^\uFEFF/, '')) as Record<string, string>;
  } catch {
    // No .env: the environment alone.
  }
  return Object.freeze({ ...fromFile, ...env });
}

/** The secret values present in `env`, longest first so overlapping values are scrubbed whole. */
export function secretValues(env: Environment, extra: readonly string[] = []): string[] {
  return [...secretVariables.map((name) => env[name]), ...extra]
    .filter((value): value is string => typeof value === 'string' && value.length >= 4)
    .sort((a, b) => b.length - a.length);
}

/**
 * Adds a secret obtained at run time (an access token) to a live list that clients redact
 * with, keeping it longest first.
 */
export function addSecret(secrets: string[], value: string): void {
  if (value.length < 4 || secrets.includes(value)) return;
  secrets.push(value);
  secrets.sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of a secret (also URL-encoded) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) result = result.split(form).join('***');
  }
  return result;
}
