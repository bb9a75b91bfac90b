import { afterAll, beforeAll, describe, it } from 'vitest';
import { HostileWorkspace } from './hostile-pipeline.js';
import { defaultFuzzSeed, seededInput } from './mutations.js';

// The first 500 of `npm run fuzz`'s 10 000 inputs. HOSTILE_SEED explores other inputs, HOSTILE_INPUTS runs more or fewer.
const baseSeed = Number(process.env.HOSTILE_SEED ?? defaultFuzzSeed);
const count = Number(process.env.HOSTILE_INPUTS ?? 500);

/**
 * One test per input, so no test's length grows with the number of inputs. The work of an input is
 * bounded by the CPU-time and memory budget `run` checks; this timeout is only a safety net for a
 * stalled runner, far above what a busy machine needs for one input.
 */
const safetyNetMs = 10 * 60_000;

describe(`random mutations of the example workspace (seed ${baseSeed})`, () => {
  let workspace: HostileWorkspace;
  beforeAll(async () => {
    workspace = await HostileWorkspace.create();
  });
  afterAll(async () => {
    console.log(workspace.summary(`random mutations (seed ${baseSeed})`));
    await workspace.dispose();
  });

  it.each(Array.from({ length: count }, (_, index) => index))(
    'input #%i loads, renders and analyzes into results or diagnostics',
    { timeout: safetyNetMs },
    async (index) => {
      const seed = baseSeed + index;
      const input = await seededInput(workspace, seed);
      await workspace.run(
        input,
        `HOSTILE_SEED=${seed} HOSTILE_INPUTS=1 npx vitest run test/hostile/random-mutations.test.ts (input #${index} of seed ${baseSeed})`,
      );
    },
  );
});
