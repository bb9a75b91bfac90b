import mjml2html from 'mjml';
import { MjmlCache } from '../src/email/mjml-cache.js';
import { compileMessageEmail, hasEmail } from '../src/pipeline/render-email.js';
import type { ExampleWorkspace } from './example-workspace.js';
import { measureSideBySide } from './measure.js';

export interface CompileRow {
  message: string;
  /** compileEmail with a new, empty cache: include expansion, tag marking, mjml, tag mapping. */
  coldMs: number;
  /** compileEmail with the cache already holding this email. */
  warmMs: number;
  /** mjml2html on the same file, mjml resolving the includes itself. */
  rawMs: number;
  coldRatio: number;
  warmRatio: number;
}

/** Email compile, cold and warm, against raw mjml2html, for each MJML example. */
export async function runCompileBench(workspace: ExampleWorkspace): Promise<CompileRow[]> {
  const rows: CompileRow[] = [];
  for (const message of workspace.messages) {
    if (!hasEmail(message) || message.email.bodyKind !== 'mjml') continue;
    const body = message.email.body;
    const warmCache = new MjmlCache();
    await compileMessageEmail(message, { cache: warmCache });
    const [cold, warm, raw] = await measureSideBySide(
      [
        () => compileMessageEmail(message, { cache: new MjmlCache() }),
        () => compileMessageEmail(message, { cache: warmCache }),
        () => mjml2html(body.text, { filePath: body.file, validationLevel: 'soft' }),
      ],
      { batches: 11, batchMs: 100 },
    );
    rows.push({
      message: message.id,
      coldMs: cold!.medianMs,
      warmMs: warm!.medianMs,
      rawMs: raw!.medianMs,
      coldRatio: cold!.medianMs / raw!.medianMs,
      warmRatio: warm!.medianMs / raw!.medianMs,
    });
  }
  return rows;
}
