// Preloaded by `npm run bench` (node --import): the benchmarks import txkit from src/ (for types),
// and this runs dist/ in its place, the JavaScript tsc emits and users run. Under tsx, every
// function src/ creates goes through esbuild's keepNames (an Object.defineProperty per closure),
// which the bare libraries on the other side of each ratio do not pay.
import { register } from 'node:module';

register('./compiled-src-hooks.mjs', import.meta.url);
