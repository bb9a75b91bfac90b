import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { parseSample, resolveInside } from '../workspace/index.js';

/** A sample name is a plain file name: no separators, no leading dot. */
const sampleName = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

export type SampleLocation = { file: string; problem?: undefined } | { file?: undefined; problem: string };

/** The path of `<messageDir>/samples/<name>.json`, confined to the workspace, or why not. */
function samplePathOf(workspaceRoot: string, messageDir: string, name: string): SampleLocation {
  if (!sampleName.test(name)) return { problem: `"${name}" is not a sample name: letters, digits, _ . - (not first)` };
  const confined = resolveInside(workspaceRoot, workspaceRoot, path.join(path.relative(workspaceRoot, messageDir), 'samples', `${name}.json`));
  if (confined.problem !== undefined) return { problem: confined.problem };
  return { file: confined.path };
}

/** An existing sample file of a message folder, confined to the workspace, or why not: what the editor reads and writes. */
export function locateSample(workspaceRoot: string, messageDir: string, name: string): SampleLocation {
  const located = samplePathOf(workspaceRoot, messageDir, name);
  if (located.file !== undefined && !existsSync(located.file)) return { problem: `no sample "${name}" in ${path.basename(messageDir)}` };
  return located;
}

/**
 * Creates `samples/<name>.json` (and the samples folder) with `text`, if it is a valid sample
 * and no such file exists: "New sample" in the editor. Confined like every sample path.
 */
export async function createSample(workspaceRoot: string, messageDir: string, name: string, text: string): Promise<SampleWrite | { problem: string }> {
  const located = samplePathOf(workspaceRoot, messageDir, name);
  if (located.problem !== undefined) return { problem: located.problem };
  if (existsSync(located.file)) return { problem: `sample "${name}" already exists` };
  await mkdir(path.dirname(located.file), { recursive: true });
  return writeSample(located.file, text);
}

export interface SampleWrite {
  written: boolean;
  /** Why the text was refused; empty when written. */
  diagnostics: Diagnostic[];
}

/**
 * Writes `text` to the sample file only if it is a valid sample (the same parser the loader
 * uses, so its message and position are what the user sees). The text goes to a temporary
 * file beside the sample and is renamed over it, so a crash or a full disk never leaves a
 * half-written sample.
 */
export async function writeSample(file: string, text: string): Promise<SampleWrite> {
  const parsed = parseSample(file, new TextEncoder().encode(text));
  if (!parsed.sample) return { written: false, diagnostics: parsed.diagnostics };
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { written: true, diagnostics: [] };
}
