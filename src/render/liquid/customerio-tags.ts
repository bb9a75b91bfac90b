import { randomInt, randomUUID } from 'node:crypto';
import { Tag, type Emitter, type FS, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

/**
 * Tags Customer.io adds to Liquid (https://docs.customer.io/messaging/liquid/tag-list/). Links that
 * only exist at send time render in the preview as placeholder URLs on the reserved `.invalid`
 * domain, so nobody mistakes them for real links; published templates keep the tags as written.
 */

const placeholderOrigin = 'https://preview.txkit.invalid';

/** The preview's stand-in for a send-time link, e.g. `https://preview.txkit.invalid/customerio/unsubscribe_url`. */
const placeholderUrl = (tag: string): string => `${placeholderOrigin}/customerio/${tag}`;

function linkTag(name: string) {
  return class extends Tag {
    render(_context: unknown, emitter: Emitter): void {
      emitter.write(placeholderUrl(name));
    }
  };
}

/** `{% cio_link url:https://example.com track:true %}`: the preview shows the destination (tracking is send-time only). */
class CioLinkTag extends Tag {
  readonly #url: string;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const url = /(?:^|\s)url:\s*("[^"]*"|'[^']*'|\S+)/.exec(token.args)?.[1];
    if (!url) throw new Error('cio_link needs a url: {% cio_link url:https://example.com %}');
    this.#url = url.replace(/^["']|["']$/g, '');
  }

  render(_context: unknown, emitter: Emitter): void {
    emitter.write(this.#url);
  }
}

/** `{% random 10 %}`: an integer from 0 to 9, a new one per render, as at send time. */
class RandomTag extends Tag {
  readonly #bound: number;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const bound = Number(token.args.trim());
    if (!Number.isInteger(bound) || bound < 1) throw new Error('random needs a whole number above 0: {% random 10 %}');
    this.#bound = bound;
  }

  render(_context: unknown, emitter: Emitter): void {
    emitter.write(String(randomInt(this.#bound)));
  }
}

class UuidTag extends Tag {
  render(_context: unknown, emitter: Emitter): void {
    emitter.write(randomUUID());
  }
}

/** A Liquid tag Customer.io does not run; liquidjs would read a file for it. */
export class UnsupportedTagError extends Error {
  constructor(readonly tag: string) {
    super(`{% ${tag} %} is not supported by Customer.io: templates cannot read files`);
    this.name = 'UnsupportedTagError';
  }
}

export const unsupportedTagHint = 'share content with a Customer.io snippet: put it in templates/_snippets/<name>.liquid and write {{ snippets.<name> }}';

function rejectedTag(name: string) {
  return class extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      throw new UnsupportedTagError(name);
    }

    *render(): Generator<unknown, void, unknown> {
      // Never reached: the constructor refuses the tag.
    }
  };
}

/** File-system tags: rejected at parse time, before any name (quoted, unquoted, `.env`) can reach a file. */
const fileSystemTags = ['include', 'render', 'layout'] as const;

/** A file system that has no files: a second lock behind the rejected tags. */
export const noFiles: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => {
    throw new Error('templates cannot read files');
  },
  readFileSync: () => {
    throw new Error('templates cannot read files');
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

export function registerCustomerioTags(liquid: Liquid): void {
  for (const name of ['unsubscribe_url', 'view_in_browser_url', 'manage_subscription_preferences_url']) liquid.registerTag(name, linkTag(name));
  liquid.registerTag('cio_link', CioLinkTag);
  liquid.registerTag('random', RandomTag);
  liquid.registerTag('generate_uuid', UuidTag);
  for (const name of fileSystemTags) liquid.registerTag(name, rejectedTag(name));
}
