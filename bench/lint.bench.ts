/**
 * Lint speed after a one-character edit, against the floor: what any linter
 * must spend on the same text (the `yaml` parse, toJS, and the compiled schema
 * check), measured in the same process on the same inputs. Also the
 * extension's activation time (load the bundle, register everything).
 *
 * Targets: lint (parse + schema, as the editor runs it) within 1.3x of the
 * floor at every size; all review rules within 1.5x of the floor for the
 * 1,000-entry document; activation under 20 ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import validate from '../src/generated/postmortem-validator';
import { lintText } from '../src/core/lint';
import { RULES } from '../src/rules/index';
import { EventTextEditor, generatePostmortem } from './generate';
import { formatMs, median, percentile, printTable } from './stats';

const SIZES: readonly { entries: number; iterations: number; warmup: number }[] = [
  { entries: 100, iterations: 200, warmup: 40 },
  { entries: 1_000, iterations: 60, warmup: 10 },
  { entries: 10_000, iterations: 15, warmup: 3 },
];
const ACTIVATION_SAMPLES = 15;
const TODAY = '2026-11-27';

/** The floor: nothing a post-mortem linter can skip. */
function floor(text: string): boolean {
  const document = parseDocument(text);
  return validate(document.toJS()) && document.errors.length === 0;
}

function lintCore(text: string): number {
  return lintText(text, { today: TODAY, rules: [] }).diagnostics.length;
}

function lintAll(text: string): number {
  return lintText(text, { today: TODAY, rules: RULES }).diagnostics.length;
}

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

interface ActivationSample {
  ms: number;
  clientMs: number;
  featuresMs: number;
}

function measureActivation(): ActivationSample[] {
  const root = join(__dirname, '..');
  if (!existsSync(join(root, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run `node scripts/build.mjs` first');
  const samples: ActivationSample[] = [];
  for (let i = 0; i < ACTIVATION_SAMPLES; i++) {
    // A fresh process per sample: nothing is cached between loads.
    const child = spawnSync(process.execPath, [join(__dirname, 'activation-probe.cjs')], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
    if (child.error) throw new Error(`activation probe did not finish: ${child.error.message}`);
    const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Partial<ActivationSample> & { error?: string };
    if (result.error || result.ms === undefined) throw new Error(`activation failed: ${result.error ?? child.stderr}`);
    samples.push({ ms: result.ms, clientMs: result.clientMs ?? NaN, featuresMs: result.featuresMs ?? NaN });
  }
  return samples;
}

export async function run(): Promise<void> {
  const rows: string[][] = [['timeline entries', 'size', 'floor median', 'floor p95', 'lint median', 'lint p95', 'lint/floor', 'all rules median', 'all rules p95', 'all rules/floor']];
  const verdicts: string[] = [];
  for (const { entries, iterations, warmup } of SIZES) {
    const original = generatePostmortem(entries);
    if (lintAll(original) !== 0) {
      const found = lintText(original, { today: TODAY }).diagnostics.map((d) => `${d.rule}: ${d.message}`);
      console.log(`note: the ${entries}-entry document is not clean: ${found.slice(0, 3).join(' | ')}`);
    }
    const editor = new EventTextEditor(original);
    for (let i = 0; i < warmup; i++) {
      const text = editor.next();
      floor(text);
      lintCore(text);
      lintAll(text);
    }
    const floorMs: number[] = [];
    const lintMs: number[] = [];
    const allMs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const text = editor.next();
      // Rotate the order so neither side always runs right after a collection.
      const order = [() => floorMs.push(time(() => floor(text))), () => lintMs.push(time(() => lintCore(text))), () => allMs.push(time(() => lintAll(text)))];
      for (let k = 0; k < order.length; k++) order[(i + k) % order.length]();
    }
    const f = median(floorMs);
    const l = median(lintMs);
    const a = median(allMs);
    rows.push([
      entries.toLocaleString('en-US'),
      `${(original.length / 1024).toFixed(0)} KB`,
      formatMs(f),
      formatMs(percentile(floorMs, 95)),
      formatMs(l),
      formatMs(percentile(lintMs, 95)),
      `${(l / f).toFixed(2)}x`,
      formatMs(a),
      formatMs(percentile(allMs, 95)),
      `${(a / f).toFixed(2)}x`,
    ]);
    verdicts.push(`${entries} entries: lint ${(l / f).toFixed(2)}x floor (target 1.3x) ${l / f <= 1.3 ? 'OK' : 'OVER'}; all ${RULES.length} rules ${(a / f).toFixed(2)}x${entries === 1_000 ? ` (target 1.5x) ${a / f <= 1.5 ? 'OK' : 'OVER'}` : ''}`);
  }
  printTable('Lint after a one-character edit (medians and p95 over the iterations; floor = yaml parse + toJS + compiled schema check)', rows);
  console.log('');
  for (const verdict of verdicts) console.log(verdict);

  const samples = measureActivation();
  const row = (label: string, values: number[]) => [label, formatMs(median(values)), formatMs(percentile(values, 95)), formatMs(Math.min(...values))];
  const activation = samples.map((s) => s.ms);
  printTable(`Extension activation (load dist/extension.js + activate() with a stub vscode, ${ACTIVATION_SAMPLES} fresh processes)`, [
    ['', 'median', 'p95', 'min'],
    row('activation', activation),
    // Not part of activation: loaded on the tick after it (or on first use), still on the extension host.
    row('then: load dist/client.js (language client)', samples.map((s) => s.clientMs)),
    row('then: load dist/features.js (preview, review)', samples.map((s) => s.featuresMs)),
  ]);
  console.log(`\nactivation median ${formatMs(median(activation))} (target 20 ms) ${median(activation) <= 20 ? 'OK' : 'OVER'}`);
}
