import type { ServerResponse } from 'node:http';
import type { Connect } from 'vite';
import type { MessageView } from '../api-types.js';
import type { PreviewWorkspace } from '../preview-workspace.js';

/** `/__txkit/message/<id>/<file>?sample=<name>`: one rendered message as a page of its own (the UI's share-actions.ts builds the same URLs). */
export const renderedMessageBase = '/__txkit/message/';

/**
 * The rendered email runs as a page of the preview's origin here, not in the UI's sandboxed
 * frame: the same sandbox comes from the Content-Security-Policy instead (an opaque origin,
 * no scripts, no forms; links may open tabs), so an email cannot read or call the preview.
 */
const emailPolicy = "sandbox allow-popups allow-popups-to-escape-sandbox; script-src 'none'; object-src 'none'; form-action 'none'";

type RenderedFile = 'email.html' | 'email.txt' | 'sms.txt';

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(body);
}

/** The text of `file` in `view`, or why there is none. */
function renderedText(view: MessageView, file: RenderedFile): { text: string } | { problem: string } {
  const channel = file === 'sms.txt' ? view.sms : view.email;
  if (!channel) return { problem: `${view.id}${view.sample ? ` with sample "${view.sample}"` : ''} has no ${file === 'sms.txt' ? 'SMS' : 'email'} to show` };
  if (!channel.rendered) {
    const errors = view.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => `${diagnostic.relativeFile}:${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
    return { problem: `${view.id} does not render:\n${errors.join('\n')}` };
  }
  return { text: file === 'email.html' ? view.email!.html : file === 'email.txt' ? view.email!.text : view.sms!.text };
}

/**
 * Serves one message rendered with one sample as a standalone document: the email's HTML (to
 * open in a tab or on a phone on the network with `--host`), its plain text, or the SMS text.
 * Reads from other pages are refused like every route (sameOriginMiddleware); a link or an
 * address typed in opens it.
 */
export function renderedMessageMiddleware(workspace: PreviewWorkspace): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    if (!url.pathname.startsWith(renderedMessageBase)) {
      next();
      return;
    }
    const parts = url.pathname.slice(renderedMessageBase.length).split('/');
    let id: string;
    try {
      id = decodeURIComponent(parts[0] ?? '');
    } catch {
      send(res, 400, 'text/plain', 'malformed URL\n');
      return;
    }
    const file = parts[1];
    if (parts.length !== 2 || (file !== 'email.html' && file !== 'email.txt' && file !== 'sms.txt') || (req.method !== 'GET' && req.method !== 'HEAD')) {
      send(res, 404, 'text/plain', `no such page; try ${renderedMessageBase}<message>/email.html, email.txt or sms.txt\n`);
      return;
    }
    const sample = url.searchParams.get('sample') ?? undefined;
    const language = url.searchParams.get('language') ?? undefined;
    workspace
      .view(id, sample, language)
      .then((view) => {
        if (!view)
          return send(
            res,
            404,
            'text/plain',
            `no message "${id}"${language ? ` in language "${language}"` : ''}${sample ? ` with a sample "${sample}"` : ''}\n`,
          );
        const rendered = renderedText(view, file);
        if ('problem' in rendered) return send(res, 409, 'text/plain', `${rendered.problem}\n`);
        if (file === 'email.html') {
          res.setHeader('Content-Security-Policy', emailPolicy);
          return send(res, 200, 'text/html', rendered.text);
        }
        return send(res, 200, 'text/plain', rendered.text);
      })
      .catch((error: unknown) => send(res, 500, 'text/plain', `${error instanceof Error ? error.message : String(error)}\n`));
  };
}
