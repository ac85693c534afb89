/**
 * Whole-process startup (issue 12, item 8): `node dist/cli.js lint <one file>` against the floor, a node
 * process that only loads `yaml` and the compiled validator and checks the same file
 * (bench/startup-floor.ts, bundled here with esbuild as the CLI is). Fresh processes, run alternately so
 * a busy machine slows both sides alike; wall time (the target) and, where GNU time is installed, CPU time
 * (user + sys, children included: the `git log` of the people lookup counts there).
 * Target: on the small file (what `postmortem new` writes) the CLI within 1.3x of the floor (medians).
 * The full example is shown too: its prose has blame language, so the blame rule loads compromise.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { formatMs, median, percentile, printTable } from './stats';

const RUNS = 30;
const WARMUP = 3;
const TARGET = 1.3;
const root = join(__dirname, '..');
const FULL_EXAMPLE = join(root, 'examples/postmortems/2026-06-09-search-ranking-bad-deploy.pm.yaml');
/** GNU time, when installed: CPU seconds of the child besides wall time (a busy machine inflates wall time, less so CPU). */
const GNU_TIME = ['/usr/bin/time'].find((path) => existsSync(path));

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function timeProcess(args: string[], cwd: string): Sample {
  const command = GNU_TIME ? [GNU_TIME, '-f', 'cpu %U %S', process.execPath, ...args] : [process.execPath, ...args];
  const started = performance.now();
  const child = spawnSync(command[0], command.slice(1), { cwd, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
  const wallMs = performance.now() - started;
  if (child.error || child.status === null || child.status > 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.error?.message ?? child.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(child.stderr);
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
}

function measure(sides: Record<'floor' | 'cli', string[]>, cwd: string): Record<'floor' | 'cli', Sample[]> {
  for (let i = 0; i < WARMUP; i++) for (const args of Object.values(sides)) timeProcess(args, cwd);
  const samples = { floor: [] as Sample[], cli: [] as Sample[] };
  for (let i = 0; i < RUNS; i++) {
    // Alternate which side goes first, so a burst of load on the machine hits both alike.
    const order = i % 2 === 0 ? (['floor', 'cli'] as const) : (['cli', 'floor'] as const);
    for (const side of order) samples[side].push(timeProcess(sides[side], cwd));
  }
  return samples;
}

export async function run(): Promise<void> {
  const cli = join(root, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
  // A repository of its own (a `.git` folder, no history): the run reads no config or people from elsewhere.
  const project = mkdtempSync(join(tmpdir(), 'pm-startup-'));
  try {
    mkdirSync(join(project, '.git'));
    const floor = join(project, 'floor.js');
    await build({ entryPoints: [join(__dirname, 'startup-floor.ts')], outfile: floor, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    // The small file: what `postmortem new` writes (a 4 KB template, no blame language). The full example has prose the blame rule analyses (compromise).
    const created = spawnSync(process.execPath, [cli, 'new', '--title', 'Checkout errors', '--severity', 'SEV-2', '--date', '2026-11-20', '--dir', 'small'], { cwd: project, encoding: 'utf8' });
    if (created.status !== 0) throw new Error(`postmortem new failed: ${created.stderr}`);
    const small = created.stdout.trim().split('\n').pop()!;
    mkdirSync(join(project, 'full'));
    copyFileSync(FULL_EXAMPLE, join(project, 'full/example.pm.yaml'));

    const rows: string[][] = [['file', 'side', 'wall median', 'wall p10 - p90', 'cpu median', 'ratio (wall)', 'ratio (cpu)']];
    const verdicts: string[] = [];
    for (const [name, file] of [['small (postmortem new)', small], ['full example', 'full/example.pm.yaml']] as const) {
      const samples = measure({ floor: [floor, file], cli: [cli, 'lint', '--today', '2026-11-27', file] }, project);
      const wall = (side: 'floor' | 'cli') => samples[side].map((s) => s.wallMs);
      const cpu = (side: 'floor' | 'cli') => samples[side].map((s) => s.cpuMs);
      const wallRatio = median(wall('cli')) / median(wall('floor'));
      const cpuRatio = median(cpu('cli')) / median(cpu('floor'));
      for (const side of ['floor', 'cli'] as const) {
        rows.push([
          side === 'floor' ? name : '',
          side === 'floor' ? 'yaml + validator' : 'postmortem lint',
          formatMs(median(wall(side))),
          `${formatMs(percentile(wall(side), 10))} - ${formatMs(percentile(wall(side), 90))}`,
          formatMs(median(cpu(side))),
          side === 'cli' ? `${wallRatio.toFixed(2)}x` : '',
          side === 'cli' ? `${cpuRatio.toFixed(2)}x` : '',
        ]);
      }
      verdicts.push(`${name}: postmortem lint ${wallRatio.toFixed(2)}x the floor (wall), ${cpuRatio.toFixed(2)}x (cpu)${name.startsWith('small') ? ` (target ${TARGET}x) ${wallRatio <= TARGET ? 'OK' : 'OVER'}` : ''}`);
    }
    printTable(`Startup: whole process, one file (${RUNS} runs per side, alternating; cpu = user + sys from ${GNU_TIME ?? '(no GNU time)'})`, rows);
    console.log('');
    for (const verdict of verdicts) console.log(verdict);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
