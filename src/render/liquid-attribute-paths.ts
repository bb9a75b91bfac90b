import { toValueSync, type Liquid, type Template, type Variable } from 'liquidjs';
import { ELEMENT, type PathPart } from './handlebars/path-references.js';

/** A path the template reads, from the data it is given, and where (1-based row and column) it is written. */
interface LiquidPath {
  path: PathPart[];
  row: number;
  col: number;
}

/** What a local name stands for: a root path (`item` in `for item in trigger.items`), or nothing from the data. */
type Binding = PathPart[] | undefined;

/** The parts of a template this walk reads; liquidjs' tags expose them, but not in their public types. */
interface TemplateShape extends Template {
  /** `for` / `tablerow`: the loop variable and what it iterates. */
  variable?: unknown;
  collection?: unknown;
  /** `assign`: the value, with its filters. */
  value?: { initial?: { postfix?: unknown[] }; filters?: { name: string; args: unknown[] }[] };
}

/** Filters after which an assigned name still holds (part of) the same data. */
const elementFilters = new Set(['first', 'last']);

function pathOf(variable: Variable): PathPart[] {
  const dynamicAt = variable.segments.findIndex((segment) => typeof segment === 'object');
  return variable.segments.slice(0, dynamicAt === -1 ? undefined : dynamicAt) as PathPart[];
}

/**
 * The attribute paths a Liquid template reads, following the data through local names: in
 * `{% for item in trigger.items %}{{ item.sku }}` the output reads `trigger.items[ELEMENT].sku`;
 * `{% assign order = trigger.order %}{{ order.id }}` reads `trigger.order.id`. Names bound to
 * something else (`capture`, `forloop`, a computed `assign`) read no attribute.
 */
export function liquidAttributePaths(liquid: Liquid, templates: readonly Template[]): LiquidPath[] {
  const paths: LiquidPath[] = [];
  // scopes[0] holds assign/capture (Liquid keeps them for the rest of the template); each loop pushes one.
  const scopes = [new Map<string, Binding>()];

  /** The variables written in a template's own arguments (not its children), via liquidjs' analysis. */
  const argumentVariables = (args: () => Iterable<unknown>): Variable[] => {
    const probe = { token: undefined, render: () => undefined, arguments: args } as unknown as Template;
    return Object.values(liquid.analyzeSync([probe], { partials: false }).variables).flat();
  };

  const resolve = (variable: Variable): PathPart[] | undefined => {
    const [root, ...rest] = pathOf(variable);
    if (typeof root !== 'string') return undefined;
    for (let index = scopes.length - 1; index >= 0; index--) {
      const scope = scopes[index]!;
      if (scope.has(root)) {
        const binding = scope.get(root);
        return binding && [...binding, ...rest];
      }
    }
    return [root, ...rest];
  };

  const record = (variable: Variable): void => {
    const path = resolve(variable);
    if (path && path.length > 0) paths.push({ path, row: variable.location.row, col: variable.location.col });
  };

  /** What `assign name = value` binds: the same data when the value is one path (optionally `| first` / `| last`). */
  const assigned = (template: TemplateShape): Binding => {
    const value = template.value;
    const filters = value?.filters ?? [];
    if (value?.initial?.postfix?.length !== 1 || filters.length > 1) return undefined;
    const filter = filters[0];
    if (filter && (!elementFilters.has(filter.name) || filter.args.length > 0)) return undefined;
    const [variable] = argumentVariables(() => [value]);
    const path = variable && resolve(variable);
    return path && (filter ? [...path, ELEMENT] : path);
  };

  const visit = (template: TemplateShape): void => {
    if (template.arguments) argumentVariables(() => template.arguments!()).forEach(record);
    if (template.localScope) {
      const binding = template.value ? assigned(template) : undefined;
      for (const identifier of template.localScope()) scopes[0]!.set(identifier.content, binding);
    }
    if (!template.children) return;
    const loop = new Map<string, Binding>();
    for (const name of template.blockScope?.() ?? []) loop.set(name, undefined);
    if (typeof template.variable === 'string' && template.collection) {
      const [collection] = argumentVariables(() => [template.collection]);
      const path = collection && resolve(collection);
      loop.set(template.variable, path && [...path, ELEMENT]);
    }
    scopes.push(loop);
    // Without partials (`include` and `render` read no file here), children come synchronously.
    const children = toValueSync(template.children(false, true)) as TemplateShape[];
    for (const child of children) visit(child);
    scopes.pop();
  };

  for (const template of templates) visit(template);
  return paths;
}
