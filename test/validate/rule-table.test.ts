import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredRules } from '../../src/validate/registry.js';
import { repoRoot } from './helpers.js';

describe("the README's rule table", () => {
  it('lists every registered rule, in `txkit rules` order, with its default severity and its module', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` \| (\w+) \| .* \| `([\w/.-]+)` \|$/gm)].map(([, id, severity, module]) => ({
      id,
      severity,
      module,
    }));
    const expected = registeredRules().map((rule) => ({
      id: rule.id,
      severity: rule.defaultSeverity,
      module: expect.stringMatching(new RegExp(`^[a-z]+/rules/${rule.id.replace('/', '-')}\\.ts$`)),
    }));
    expect(rows).toEqual(expected);
    for (const { module } of rows) expect(readFileSync(path.join(repoRoot, 'src', module!), 'utf8')).toContain('meta: {');
  });
});
