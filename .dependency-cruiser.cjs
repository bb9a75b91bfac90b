/**
 * The layers of txkit, lowest first. A module may import its own layer and the ones below it,
 * never one above (type-only imports included): the pipeline reads bottom to top.
 *
 *   diagnostics, errors, cache   shared vocabulary: Diagnostic, positions, typed errors, a bounded cache
 *   workspace                    txkit.config.yaml, message folders, samples, template sources
 *   render                       Liquid / Handlebars engines; renderTemplate (one template + one sample)
 *   email, sms                   compile MJML / analyse segments, render a whole message, their checks
 *   whatsapp                     render a WhatsApp message and check it (reuses sms's phone checks)
 *   platforms                    pure translation of templates to SFMC / Customer.io (no HTTP)
 *   validate                     rules, providers, formatters: the `validate` result
 *   build, sync, preview,        front ends: build output, platform APIs, the Vite preview,
 *   sandbox                      the platform emulator
 *   cli                          parses options and calls the library (it may use every front end)
 *   index.ts                     the public library API
 *
 * A layer's validation rules live in its own `rules/` folder (src/<layer>/rules/<group>-<name>.ts),
 * so a producer below validate can name its rule; validate's registry gathers them all.
 */
const layers = [
  ['diagnostics', 'errors', 'cache', 'types'],
  ['workspace'],
  ['render'],
  ['email', 'sms'],
  ['whatsapp'],
  ['platforms'],
  ['validate'],
  ['build', 'sync', 'preview', 'sandbox'],
  ['cli'],
];

const folder = (names) => `^src/(${names.join('|')})/`;

const upward = layers.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} must not import a higher layer (${layers
    .slice(index + 1)
    .flat()
    .join(', ')})`,
  severity: 'error',
  from: { path: folder(layer) },
  to: { path: folder(layers.slice(index + 1).flat()) },
}));

// Folders of one layer stay independent of each other (email and sms, the three front ends).
const siblings = layers
  .filter((layer) => layer.length > 1)
  .flatMap((layer) =>
    layer.map((name) => ({
      name: `siblings-${name}`,
      comment: `${name} must not import ${layer.filter((other) => other !== name).join(', ')} (same layer)`,
      severity: 'error',
      from: { path: folder([name]) },
      to: { path: folder(layer.filter((other) => other !== name)) },
    })),
  );

module.exports = {
  forbidden: [
    ...upward,
    ...siblings,
    {
      name: 'no-library-to-index',
      comment: 'src/index.ts is the public entry point; nothing inside src imports it',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'every-folder-placed',
      comment: 'every folder under src/ belongs to a layer: add a new one to .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: `${folder(layers.flat())}|^src/index\\.ts$` },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/types/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
