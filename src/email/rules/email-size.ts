import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { EmailCheckInput } from '../checks/email-rule.js';

const kilobyte = 1024;
/** Gmail clips messages whose HTML exceeds 102 KB, hiding the rest (and open tracking) behind a link. */
export const gmailClipBytes = 102 * kilobyte;
export const sizeWarningBytes = 80 * kilobyte;

function kb(bytes: number): string {
  return `${(bytes / kilobyte).toFixed(1)} KB (${bytes} bytes)`;
}

/**
 * Gmail measures the HTML as sent, so each sample's personalized HTML counts (loops grow it), and
 * so does the compiled HTML that is published; the largest is reported, once.
 */
export const emailSize: CheckRule<EmailCheckInput> = {
  meta: {
    id: 'email/size',
    defaultSeverity: 'error',
    docs: 'The HTML (compiled, and as each sample renders it) stays under 102 KB of UTF-8, where Gmail clips messages; over 80 KB is a warning.',
  },
  check(input) {
    const measured = [
      { bytes: Buffer.byteLength(input.compiled.html, 'utf8'), what: 'the compiled HTML' },
      ...input.samples.map((output) => ({ bytes: Buffer.byteLength(output.html, 'utf8'), what: `the HTML for sample "${output.sample.name}"` })),
    ];
    // On a tie the sample wins: it is what is sent.
    const largest = measured.reduce((a, b) => (b.bytes >= a.bytes ? b : a));
    if (largest.bytes <= sizeWarningBytes) return [];
    const location = { file: input.compiled.source.file, line: 1, column: 1 };
    const clipped = largest.bytes > gmailClipBytes;
    return [
      ruleDiagnostic(
        emailSize,
        location,
        clipped
          ? `${largest.what} is ${kb(largest.bytes)}: Gmail clips messages over 102 KB`
          : `${largest.what} is ${kb(largest.bytes)}, close to the 102 KB where Gmail clips messages`,
        { severity: clipped ? 'error' : 'warning', hint: 'remove unused CSS and markup, shorten long loops, or move content to a web page' },
      ),
    ];
  },
};
