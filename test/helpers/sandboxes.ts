import { afterEach } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

/**
 * Registers an afterEach that closes every emulator started through the returned function:
 * each test gets its own, so it passes alone and in any order.
 */
export function useSandboxes(): (options?: SandboxOptions) => Promise<Sandbox> {
  const started: Sandbox[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
  });
  return async (options) => {
    const sandbox = await startSandbox(options);
    started.push(sandbox);
    return sandbox;
  };
}
