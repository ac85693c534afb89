/**
 * The quarterly review from disk, against the floor: what any tool must spend
 * to read and parse the same files. Two floors, and the ratio is taken against
 * the cheaper one: the `yaml` library's own parse to plain data
 * (`parseDocument().toJS()`), and the project's ranged parse (`parsePostmortem`),
 * which the review cannot skip. 1,000 and 10,000 generated post-mortems spread
 * over eight quarters.
 * Every measurement runs in a fresh child process, so time and peak memory
 * (max RSS from the OS, peak V8 heap sampled) belong to that work alone.
 *
 * Targets: the review within 1.5x of the floor's time; 10,000 files under 2 GB.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parseDocument } from 'yaml';
import { parsePostmortem } from '../src/core/parse';
import { loadStore } from '../src/review/load';
import { computeReview } from '../src/review/review';
import { generateWorkspace } from './gen-workspace';
import { formatMs, median, printTable } from './stats';

const CHILD_FLAG = '--review-bench-child';
const SIZES = [1_000, 10_000];
const REPEATS = 3;
const TODAY = { year: 2026, month: 11, day: 27 };
interface Measurement {
  ms: number;
  maxRssMb: number;
  peakHeapMb: number;
  quarters?: number;
  skipped?: number;
}

/** Runs in the child: one measurement of `mode` over the files of `dir`. */
type Mode = 'floor-yaml' | 'floor-parse' | 'review';

async function child(mode: Mode, dir: string): Promise<Measurement> {
  const files = (await fs.readdir(dir)).filter((n) => n.endsWith('.pm.yaml')).map((n) => join(dir, n));
  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  };
  const sampler = setInterval(sample, 5);
  const started = performance.now();
  let extra: Partial<Measurement> = {};
  if (mode !== 'review') {
    // Same reading pattern as the review (16 reads in flight), then the parse to data, kept like the store keeps it.
    let next = 0;
    const kept: unknown[] = [];
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const text = await fs.readFile(files[next++], 'utf8');
        kept.push(mode === 'floor-yaml' ? parseDocument(text).toJS() : parsePostmortem(text).data);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    sample();
    extra = { quarters: kept.length };
  } else {
    const { store } = await loadStore(files);
    sample();
    const review = computeReview(store.entries(), { today: TODAY });
    JSON.stringify(review); // what the CLI prints
    sample();
    extra = { quarters: review.quarters.length, skipped: review.skipped.length };
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 1024 / 1024, ...extra };
}

function measure(mode: Mode, dir: string): Measurement {
  const result = spawnSync(process.execPath, ['--import', 'tsx', __filename, CHILD_FLAG, mode, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`child ${mode} failed: ${result.stderr}`);
  const line = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Measurement;
}

export async function run(): Promise<void> {
  const rows: string[][] = [
    ['files', 'floor: read+yaml', 'floor: read+parsePostmortem', 'review from disk', 'ratio', 'target', 'floor max RSS', 'review max RSS', 'review peak heap'],
  ];
  for (const count of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), `pm-review-bench-${count}-`));
    try {
      generateWorkspace(dir, count);
      const yamlFloors: Measurement[] = [];
      const parseFloors: Measurement[] = [];
      const reviews: Measurement[] = [];
      // Interleaved so that a busy moment of the machine hits all three alike.
      for (let r = 0; r < REPEATS; r++) {
        yamlFloors.push(measure('floor-yaml', dir));
        parseFloors.push(measure('floor-parse', dir));
        reviews.push(measure('review', dir));
      }
      const yamlMs = median(yamlFloors.map((m) => m.ms));
      const parseMs = median(parseFloors.map((m) => m.ms));
      const floorMs = Math.min(yamlMs, parseMs);
      const floors = [...yamlFloors, ...parseFloors];
      const reviewMs = median(reviews.map((m) => m.ms));
      const ratio = reviewMs / floorMs;
      const rss = Math.max(...reviews.map((m) => m.maxRssMb));
      if (reviews[0].skipped) throw new Error(`${reviews[0].skipped} generated files were skipped`);
      rows.push([
        count.toLocaleString('en-US'),
        formatMs(yamlMs),
        formatMs(parseMs),
        formatMs(reviewMs),
        `${ratio.toFixed(2)}x`,
        `<= 1.5x ${ratio <= 1.5 ? 'ok' : 'MISSED'}${count >= 10_000 ? `, < 2 GB ${rss < 2048 ? 'ok' : 'MISSED'}` : ''}`,
        `${Math.max(...floors.map((m) => m.maxRssMb)).toFixed(0)} MB`,
        `${rss.toFixed(0)} MB`,
        `${Math.max(...reviews.map((m) => m.peakHeapMb)).toFixed(0)} MB`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(`Quarterly review from disk vs reading + parsing the same files (median of ${REPEATS}, each in a fresh process; ratio against the cheaper floor)`, rows);
}

if (process.argv[2] === CHILD_FLAG) {
  child(process.argv[3] as Mode, process.argv[4]).then(
    (m) => process.stdout.write(JSON.stringify(m) + '\n'),
    (error: unknown) => {
      process.stderr.write(String((error as Error)?.stack ?? error));
      process.exitCode = 1;
    },
  );
}
