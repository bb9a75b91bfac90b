import { Drop, type Context, type Liquid, type Template } from 'liquidjs';
import { snippetFile } from '../../workspace/snippets.js';

/**
 * `{{ snippets.footer }}` / `{{ snippets["main address"] }}`: a workspace snippet, rendered with the
 * message's own data, as Customer.io renders a snippet's Liquid at send time
 * (https://docs.customer.io/messaging/liquid/snippets/).
 */
export class SnippetsDrop extends Drop {
  readonly #rendering = new Set<string>();
  readonly #parsed = new Map<string, Template[]>();

  constructor(
    private readonly liquid: Liquid,
    private readonly snippets: ReadonlyMap<string, string>,
  ) {
    super();
  }

  override liquidMethodMissing(name: string | number, context: Context): unknown {
    const key = String(name);
    const text = this.snippets.get(key);
    if (text === undefined) return undefined;
    if (this.#rendering.has(key)) throw new Error(`snippet "${key}" uses itself`);
    this.#rendering.add(key);
    try {
      let templates = this.#parsed.get(key);
      if (!templates) {
        templates = this.liquid.parse(text, snippetFile(key));
        this.#parsed.set(key, templates);
      }
      return this.liquid.renderSync(templates, context.getAll());
    } finally {
      this.#rendering.delete(key);
    }
  }
}
