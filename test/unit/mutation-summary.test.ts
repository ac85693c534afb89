// scripts/mutation-summary.mjs: the per-folder score the 80 % target is read from.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script without type declarations
import { summarize, survivors } from '../../scripts/mutation-summary.mjs';

const mutant = (status: string, line = 1) => ({ status, mutatorName: 'EqualityOperator', replacement: 'a !== b', location: { start: { line, column: 3 } } });
const FILES = {
  'src/core/a.ts': { mutants: [mutant('Killed'), mutant('Killed'), mutant('Timeout'), mutant('Survived', 7)] },
  'src/core/blame/b.ts': { mutants: [mutant('NoCoverage', 9), mutant('CompileError'), mutant('Ignored')] },
  'src/cli/formats/sarif.ts': { mutants: [mutant('Killed')] },
  'src/cli/main.ts': { mutants: [mutant('Survived')] },
};

describe('mutation summary', () => {
  it('scores each folder as detected / (detected + undetected), errors and ignored apart, other folders left out', () => {
    assert.deepEqual(summarize(FILES), [
      { folder: 'src/core', Killed: 2, Timeout: 1, Survived: 1, NoCoverage: 1, other: 2, score: 60 },
      { folder: 'src/rules', Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0, score: null },
      { folder: 'src/review', Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0, score: null },
      { folder: 'src/cli/formats', Killed: 1, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0, score: 100 },
    ]);
  });

  it('lists survivors and uncovered mutants with their place', () => {
    assert.deepEqual(survivors(FILES), [
      'src/cli/main.ts:1:3 Survived EqualityOperator -> a !== b',
      'src/core/a.ts:7:3 Survived EqualityOperator -> a !== b',
      'src/core/blame/b.ts:9:3 NoCoverage EqualityOperator -> a !== b',
    ]);
  });

  it('fails below the asked score only, and says which folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-mutation-'));
    try {
      const report = join(dir, 'mutation.json');
      writeFileSync(report, JSON.stringify({ files: FILES }));
      const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/mutation-summary.mjs', ...args, report], { encoding: 'utf8' });
      const plain = run();
      assert.equal(plain.status, 0, plain.stderr);
      assert.match(plain.stdout, /^src\/core\s+60\.0%\s+2\s+1\s+1\s+1\s+2$/m);
      const strict = run('--fail-below', '80');
      assert.equal(strict.status, 1);
      assert.equal(strict.stderr, 'src/core: 60% is below 80%\n');
      assert.equal(run('--fail-below', '60').status, 0);
      const missing = spawnSync(process.execPath, ['scripts/mutation-summary.mjs', join(dir, 'none.json')], { encoding: 'utf8' });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /cannot read the mutation report/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
