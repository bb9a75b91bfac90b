import { hrefProblem, templateLinks } from '../checks/links.js';
import { ruleDiagnostic, type CheckRule } from '../../diagnostics/index.js';
import type { CompatCheckInput } from '../compat/compat-input.js';

/** An addr-spec as mail clients accept it in mailto: (RFC 6068 §2: addresses, comma-separated, percent-encoded). */
const address = /^[^\s@,;:<>()[\]"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** Why a mailto: or tel: href is wrong, or undefined. */
export function schemeProblem(href: string): string | undefined {
  const value = href.trim();
  const mailto = /^mailto:([^?]*)(\?.*)?$/i.exec(value);
  if (mailto) {
    const to = decodeURIComponentSafe(mailto[1]!);
    const bad =
      to === undefined
        ? mailto[1]!
        : to
            .split(',')
            .map((part) => part.trim())
            .find((part) => part !== '' && !address.test(part));
    if (bad !== undefined) return `mailto: address "${bad}" is not an email address`;
    const query = mailto[2] ?? '';
    if (query !== '' && !/^\?[\w.~%-]+=[^&#]*(?:&[\w.~%-]+=[^&#]*)*$/.test(query)) return 'mailto: fields must be written ?subject=…&body=… (percent-encoded)';
    return undefined;
  }
  const tel = /^tel:(.*)$/i.exec(value);
  // RFC 3966 §5.1.4: a number without a country code needs ;phone-context, or clients dial it in the reader's own country.
  if (tel && !tel[1]!.startsWith('+') && !/;phone-context=/i.test(tel[1]!)) return 'tel: number has no country code (write it as +<country code>…, RFC 3966)';
  return undefined;
}

function decodeURIComponentSafe(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** mailto: and tel: links that phones and mail apps cannot use. Other href problems are email/link-malformed's. */
export const emailLinkScheme: CheckRule<CompatCheckInput> = {
  meta: {
    id: 'email/link-scheme',
    defaultSeverity: 'warning',
    docs: 'mailto: links carry valid addresses and encoded ?subject=/&body= fields; tel: links an international (+…) number (RFC 6068, RFC 3966)',
  },
  check(input) {
    return templateLinks(input.page).flatMap((link) => {
      if (link.personalized || hrefProblem(link.href) !== undefined) return [];
      const problem = schemeProblem(link.href);
      if (!problem) return [];
      return [ruleDiagnostic(emailLinkScheme, input.locateElement(link.element), `href "${link.href.trim()}": ${problem}`)];
    });
  },
};
