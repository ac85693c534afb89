/**
 * `npm run bench`: runs every bench/*.bench.ts module's `run()` in file-name
 * order; each prints its own table. Speed is measured here, never by timed
 * assertions in tests.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchModule {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
    .sort();
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}; benches: ${files.join(', ')}`);
  let failed = false;
  for (const file of files) {
    const started = performance.now();
    console.log(`\n=== ${file}`);
    try {
      const loaded = (await import(join(__dirname, file))) as BenchModule & { default?: BenchModule };
      const run = loaded.run ?? loaded.default?.run;
      if (typeof run !== 'function') throw new Error('exports no run()');
      await run();
    } catch (error) {
      failed = true;
      console.error(`${file} failed: ${(error as Error).stack ?? error}`);
    }
    console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (failed) process.exitCode = 1;
}

void main();
