#!/usr/bin/env node
// What blocked the event loop, from a .cpuprofile (the probe's HOST_BLOCKING_PROFILE, or node --cpu-prof):
// the longest runs of consecutive samples that are not idle, each with its heaviest frames (inclusive and
// self) and, with STACKS=<n>, the heaviest whole stacks of the n longest.
// node bench/extensionHost/blocks.mjs <file.cpuprofile> [minMs=10] [frames=8] [runs=6]
import { readFileSync } from 'node:fs';

const [file, minArg, framesArg, runsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: blocks.mjs <file.cpuprofile> [minMs=10] [frames=8] [runs=6]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const minMs = Number(minArg ?? 10);
const frames = Number(framesArg ?? 8);
const shownRuns = Number(runsArg ?? 6);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const frameName = (id, withColumn) => {
  const c = byId.get(id).callFrame;
  return `${c.functionName || '(anon)'} ${c.url.replace(/.*\//, '')}:${c.lineNumber}${withColumn ? `:${c.columnNumber}` : ''}`;
};
const idle = (id) => byId.get(id).callFrame.functionName === '(idle)';
let clock = profile.startTime;
const times = profile.timeDeltas.map((d) => (clock += d));
/** Each sample's weight: the time to the next sample. */
const weight = (i) => profile.timeDeltas[i + 1] ?? 0;

const runs = [];
let start = -1;
for (let i = 0; i <= profile.samples.length; i++) {
  const busy = i < profile.samples.length && !idle(profile.samples[i]);
  if (busy && start < 0) start = i;
  if (!busy && start >= 0) {
    runs.push([start, i]);
    start = -1;
  }
}
const durationMs = ([a, b]) => (times[b - 1] - times[a] + weight(b - 1)) / 1000;
const long = runs.filter((r) => durationMs(r) >= minMs).sort((x, y) => durationMs(y) - durationMs(x));
console.log(`${runs.length} busy runs, ${long.length} of ${minMs} ms or more; profile ${((times.at(-1) - profile.startTime) / 1e6).toFixed(1)} s`);
const top = (totals, n) => Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `\n   ${(v / 1000).toFixed(1)} ${k}`).join('');
for (const run of long.slice(0, shownRuns)) {
  const inclusive = {};
  const self = {};
  for (let i = run[0]; i < run[1]; i++) {
    const sample = profile.samples[i];
    self[frameName(sample)] = (self[frameName(sample)] ?? 0) + weight(i);
    const seen = new Set();
    for (let id = sample; id; id = parent.get(id)) {
      const key = frameName(id, true);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive[key] = (inclusive[key] ?? 0) + weight(i);
    }
  }
  console.log(`\n== ${durationMs(run).toFixed(1)} ms at +${((times[run[0]] - profile.startTime) / 1000).toFixed(0)} ms`);
  console.log(` inclusive:${top(inclusive, frames * 2)}`);
  console.log(` self:${top(self, frames)}`);
}
for (const run of long.slice(0, Number(process.env.STACKS ?? 0))) {
  const leaves = {};
  for (let i = run[0]; i < run[1]; i++) leaves[profile.samples[i]] = (leaves[profile.samples[i]] ?? 0) + weight(i);
  console.log(`\n## stacks of the ${durationMs(run).toFixed(1)} ms run`);
  for (const [id, total] of Object.entries(leaves).sort((a, b) => b[1] - a[1]).slice(0, 4)) {
    const path = [];
    for (let n = Number(id); n; n = parent.get(n)) path.push(frameName(n, true).replace(' ', '@'));
    console.log(`  ${(total / 1000).toFixed(1)} ms: ${path.slice(0, 25).join(' < ')}`);
  }
}
