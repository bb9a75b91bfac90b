import mjml2html from 'mjml';
import { MjmlCache } from '../src/email/mjml-cache.js';
import { compileMessageEmail, hasEmail } from '../src/email/render-email.js';
import type { ExampleWorkspace } from './example-workspace.js';
import { measureSideBySide, ratioSpread, type Spread } from './measure.js';

export interface CompileRow {
  message: string;
  /** compileEmail with a new, empty cache: include expansion, tag marking, mjml, tag mapping. */
  coldMs: Spread;
  /** compileEmail with the cache already holding this email. */
  warmMs: Spread;
  /** mjml2html on the same file, mjml resolving the includes itself. */
  rawMs: Spread;
  coldRatio: Spread;
  warmRatio: Spread;
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
      coldMs: cold!,
      warmMs: warm!,
      rawMs: raw!,
      coldRatio: ratioSpread(cold!, raw!),
      warmRatio: ratioSpread(warm!, raw!),
    });
  }
  return rows;
}
