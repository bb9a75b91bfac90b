import { afterAll, beforeAll, describe, it } from 'vitest';
import { HostileWorkspace } from './hostile-pipeline.js';
import { mulberry32, randomMutation } from './mutations.js';

// Reproducible by default; HOSTILE_SEED explores other inputs, HOSTILE_INPUTS runs more of them.
const baseSeed = Number(process.env.HOSTILE_SEED ?? 20261124);
const count = Number(process.env.HOSTILE_INPUTS ?? 160);

describe(`random mutations of the example workspace (seed ${baseSeed})`, () => {
  let workspace: HostileWorkspace;
  beforeAll(async () => {
    workspace = await HostileWorkspace.create();
  });
  afterAll(async () => {
    console.log(workspace.summary(`random mutations (seed ${baseSeed})`));
    await workspace.dispose();
  });

  it(`${count} mutated files each load, render and analyze into results or diagnostics`, async () => {
    for (let index = 0; index < count; index++) {
      const seed = baseSeed + index;
      const file = workspace.files[Math.floor(mulberry32(seed ^ 0x5bd1e995)() * workspace.files.length)]!;
      const mutation = randomMutation(await workspace.original(file), seed);
      await workspace.run(
        { description: mutation.description, edits: [{ file, bytes: mutation.bytes }] },
        `HOSTILE_SEED=${seed} HOSTILE_INPUTS=1 npx vitest run test/hostile/random-mutations.test.ts (input #${index} of seed ${baseSeed})`,
      );
    }
  });
});
