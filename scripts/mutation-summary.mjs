#!/usr/bin/env node
// The mutation score per folder, from Stryker's JSON report (Stryker itself only
// gives one score per file and one overall, and its `break` threshold is global).
// Usage: node scripts/mutation-summary.mjs [--fail-below 80] [--survivors] [report.json ...]
//   default report: reports/mutation/mutation.json; several reports (one per folder run)
//   are merged, a later report's file replacing an earlier one's.
//   --fail-below N  exits 1 when a folder that has mutants scores below N %.
//   --survivors     lists each surviving and uncovered mutant: file:line mutator -> replacement.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const FOLDERS = ['src/core', 'src/rules', 'src/review', 'src/cli/formats'];
const COUNTED = ['Killed', 'Timeout', 'Survived', 'NoCoverage'];
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Counts per folder; the score is Stryker's: detected / (detected + undetected), errors and ignored left out. */
export function summarize(files) {
  const rows = new Map(FOLDERS.map((folder) => [folder, { folder, Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 }]));
  for (const [path, file] of Object.entries(files)) {
    const folder = FOLDERS.find((f) => path.replace(/\\/g, '/').startsWith(`${f}/`));
    if (!folder) continue;
    const row = rows.get(folder);
    for (const mutant of file.mutants) {
      if (COUNTED.includes(mutant.status)) row[mutant.status]++;
      else row.other++;
    }
  }
  return [...rows.values()].map((row) => {
    const detected = row.Killed + row.Timeout;
    const valid = detected + row.Survived + row.NoCoverage;
    return { ...row, score: valid === 0 ? null : Math.round((detected / valid) * 10000) / 100 };
  });
}

export function survivors(files) {
  const out = [];
  for (const [path, file] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const m of file.mutants) {
      if (!UNDETECTED.has(m.status)) continue;
      const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
      out.push(`${path}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} -> ${replacement}`);
    }
  }
  return out;
}

function main(argv) {
  let failBelow;
  let listSurvivors = false;
  const reports = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--fail-below') failBelow = Number(argv[++i]);
    else if (argv[i] === '--survivors') listSurvivors = true;
    else reports.push(argv[i]);
  }
  if (failBelow !== undefined && !Number.isFinite(failBelow)) {
    console.error('--fail-below needs a number, e.g. --fail-below 80');
    return 2;
  }
  if (reports.length === 0) reports.push('reports/mutation/mutation.json');
  const files = {};
  for (const report of reports) {
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(report, 'utf8'));
    } catch (error) {
      console.error(`cannot read the mutation report ${report}: ${error.message} (run \`npm run test:mutation\` first)`);
      return 2;
    }
    Object.assign(files, parsed.files);
  }
  const rows = summarize(files);
  console.log('folder            score  killed timeout survived no-cov  other');
  for (const r of rows) {
    const score = r.score === null ? '    -' : `${r.score.toFixed(1).padStart(5)}%`;
    console.log(`${r.folder.padEnd(16)} ${score} ${String(r.Killed).padStart(7)} ${String(r.Timeout).padStart(7)} ${String(r.Survived).padStart(8)} ${String(r.NoCoverage).padStart(6)} ${String(r.other).padStart(6)}`);
  }
  if (listSurvivors) for (const line of survivors(files)) console.log(line);
  if (failBelow === undefined) return 0;
  const low = rows.filter((r) => r.score !== null && r.score < failBelow);
  for (const r of low) console.error(`${r.folder}: ${r.score}% is below ${failBelow}%`);
  return low.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
