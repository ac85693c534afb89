/**
 * `npm run bench:workspace [-- 2000 8000 20000]`: lint and review of whole generated workspaces
 * (bench/gen-workspace.ts), each in a fresh process running the CLI, with wall time, peak memory (max RSS)
 * and output size. Targets (issue 8): lint of 20,000 files within 2x the time of review, under 2 GB.
 * Not part of `npm run bench`: 20,000 files take minutes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main';
import { generateWorkspace } from './gen-workspace';
import { formatMs, printTable } from './stats';

const CHILD_FLAG = '--workspace-bench-child';
const DEFAULT_SIZES = [2_000, 8_000, 20_000];

interface Measurement {
  ms: number;
  maxRssMb: number;
  outputBytes: number;
  code: number;
}

/** In the child: one CLI command over `dir`, output counted, not kept. */
async function child(args: string[]): Promise<Measurement> {
  let outputBytes = 0;
  const started = performance.now();
  const code = await main(args, { stdout: (t) => (outputBytes += t.length), stderr: (t) => (outputBytes += t.length), cwd: process.cwd() });
  return { ms: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, outputBytes, code };
}

function measure(args: string[]): Measurement {
  const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, CHILD_FLAG, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`child ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as Measurement;
}

async function run(sizes: number[]): Promise<void> {
  const rows: string[][] = [['files', 'lint', 'lint max RSS', 'lint output', 'review', 'review max RSS', 'lint / review', 'target']];
  for (const count of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `pm-workspace-bench-${count}-`));
    try {
      generateWorkspace(dir, count);
      const lint = measure(['lint', dir, '--today', '2026-11-27', '--format', 'json']);
      const review = measure(['review', dir, '--today', '2026-11-27', '--format', 'json']);
      const ratio = lint.ms / review.ms;
      rows.push([
        count.toLocaleString('en-US'),
        formatMs(lint.ms),
        `${lint.maxRssMb.toFixed(0)} MB`,
        `${(lint.outputBytes / 1e6).toFixed(1)} MB`,
        formatMs(review.ms),
        `${review.maxRssMb.toFixed(0)} MB`,
        `${ratio.toFixed(2)}x`,
        `<= 2x ${ratio <= 2 ? 'ok' : 'MISSED'}, < 2 GB ${Math.max(lint.maxRssMb, review.maxRssMb) < 2048 ? 'ok' : 'MISSED'}`,
      ]);
      console.log(rows[rows.length - 1].join('  '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable('Lint and review of generated workspaces (each a fresh process; json output counted, not printed)', rows);
}

if (process.argv[2] === CHILD_FLAG) {
  child(process.argv.slice(3)).then(
    (m) => process.stdout.write(JSON.stringify(m) + '\n'),
    (error: unknown) => {
      process.stderr.write(String((error as Error)?.stack ?? error));
      process.exitCode = 1;
    },
  );
} else {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  void run(sizes.length > 0 ? sizes : DEFAULT_SIZES);
}
