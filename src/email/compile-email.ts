import mjml2html from 'mjml';
import type { Diagnostic } from '../diagnostics/index.js';
import type { EmailTemplates } from '../workspace/index.js';

export interface CompiledEmail {
  /** Layout HTML with personalization tags intact: what is published and then personalized per sample. */
  html: string;
  diagnostics: Diagnostic[];
}

/** Compiles an email body to HTML (MJML through mjml; HTML bodies pass through). */
export async function compileEmail(email: EmailTemplates): Promise<CompiledEmail> {
  if (email.bodyKind === 'html') return { html: email.body.text, diagnostics: [] };
  const result = await mjml2html(email.body.text, { filePath: email.body.file, ignoreIncludes: false, validationLevel: 'soft' });
  const diagnostics: Diagnostic[] = result.errors.map((error) => ({
    ruleId: 'syntax/mjml',
    severity: 'error',
    message: error.message,
    file: email.body.file,
    line: error.line,
    column: 1,
  }));
  return { html: result.html, diagnostics };
}
