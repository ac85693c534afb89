/**
 * Blind corpora for the blame detector (PM001): sentences written and labelled
 * by writers who had not read the detector, its lexicon or any earlier corpus
 * (see test/fixtures/blame-blind/README.md for how each set was made).
 *
 * - set-1.yaml was frozen before the detector was reworked for issue 9; it is
 *   the development set of that rework, so its score is an upper estimate.
 * - set-2.yaml was written after the first rework and measured before any
 *   tuning on it (precision 0.932, recall 0.654); the second pass then tuned
 *   on it, so it is a development set now.
 * - set-3.yaml was written after the second pass and measured blind there
 *   (precision 0.868, recall 0.670); the third pass studied its misses, so it
 *   is a development set now too.
 * - set-4.yaml was written after the third pass (brief: BRIEF-set4.md) and
 *   measured blind there: precision 0.945, recall 0.542; the fourth pass (the
 *   harm model) used it as a development set.
 *
 * - set-5.yaml was written after the fourth pass and measured blind (0.942 / 0.677).
 * - set-6.yaml was written after the fifth pass (the hybrid) and measured blind (0.939 / 0.646); the sixth pass
 *   (issue 9: the model reads sentences without blame words) trains on it, so it is not blind any more.
 * - The hybrid detector (rules + a logistic-regression model, docs/rules/blame-named-individual.md) is TRAINED on
 *   all six sets: every figure below is in-sample now, no set here is blind. Its honest figures are the
 *   leave-one-set-out ones (`node --import tsx scripts/train-blame-model.mjs --cv`), quoted beside each bar.
 *
 * A blame sentence counts as caught only when a flagged name is the labelled
 * person (the whole name, a part of it, or it with a title: "Mr. Gupta" for
 * "Gupta") and nothing else is flagged. Every other flag is a false positive.
 * `BLAME_BLIND_VERBOSE=1` prints every miss with its style.
 *
 * The bars sit just under the measured score, so a loss shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { detectBlame } from '../../src/core/blame/detect';
import { rosterFor } from '../../src/core/blame/people';
import { samePerson } from '../lib/blameNames';

export interface BlindSentence {
  text: string;
  blame: boolean;
  names?: string[];
  style: string;
  culture?: string;
  /** Services and components the surrounding document names: things, not people. */
  services?: string[];
}

export interface BlindScore {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  misses: string[];
}

export function detectFor(entry: BlindSentence) {
  const roster = rosterFor({ services: entry.services ?? [] }, []);
  return detectBlame(entry.text, roster, { markdown: true });
}

export function scoreBlind(entries: BlindSentence[]): BlindScore {
  const s: BlindScore = { n: entries.length, tp: 0, fp: 0, fn: 0, tn: 0, misses: [] };
  entries.forEach((entry, index) => {
    const findings = detectFor(entry);
    const expected = entry.names ?? [];
    const right = findings.filter((f) => expected.some((name) => samePerson(f.name, name)));
    const wrong = findings.filter((f) => !expected.some((name) => samePerson(f.name, name)));
    const tag = `#${index} [${entry.style}]`;
    if (entry.blame && right.length > 0 && wrong.length === 0) s.tp++;
    else if (entry.blame) {
      if (wrong.length > 0) s.fp++;
      s.fn++;
      s.misses.push(`${tag} missed ${expected.join(', ')}${wrong.length ? ` (flagged ${wrong.map((f) => f.name).join(', ')})` : ''}: ${entry.text}`);
    } else if (findings.length > 0) {
      s.fp++;
      s.misses.push(`${tag} false alarm on ${findings.map((f) => `${f.name} [${f.term}]`).join(', ')}: ${entry.text}`);
    } else s.tn++;
  });
  return s;
}


const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
export const precisionOf = (s: BlindScore): number => ratio(s.tp, s.tp + s.fp);
export const recallOf = (s: BlindScore): number => ratio(s.tp, s.tp + s.fn);
const line = (label: string, s: BlindScore): string =>
  `${label}: precision ${precisionOf(s).toFixed(3)} recall ${recallOf(s).toFixed(3)} (n=${s.n}, tp=${s.tp} fp=${s.fp} fn=${s.fn} tn=${s.tn})`;

export function loadBlindSet(file: string): BlindSentence[] {
  const data = parse(readFileSync(join(__dirname, '../fixtures/blame-blind', file), 'utf8')) as { sentences: BlindSentence[] };
  return data.sentences;
}

/**
 * The bar each set is held to: just under its measured score, so a loss shows
 * (issue 9 asks for precision 0.95 and recall 0.90 on the set written last).
 */
const BARS: Record<string, { precision: number; recall: number; minimumSize: number; blind?: true }> = {
  // First measurement, before any change for issue 9: precision 0.761, recall 0.300 (54 of 180 caught, 17 false alarms).
  // After the rework (development set, so an upper estimate): precision 1.000, recall 0.817 (147 of 180, no false alarm).
  // After the second pass (tuned on sets 1 and 2): precision 1.000, recall 0.839 (151 of 180, no false alarm).
  // After the third pass (tuned on all three sets): precision 1.000, recall 0.867 (156 of 180, no false alarm).
  // After the fourth pass (harm model, all four sets as development data): precision 1.000, recall 0.872 (157 of 180).
  // Hybrid (rules + the trained model of src/core/blame/model.ts, trained on all five sets, so NOT blind any more):
  // precision 1.000, recall 0.967 (174 of 180). Leave-one-set-out (trained on sets 2-5): 1.000 / 0.889.
  // Seventh pass (person finding: names ending like English words, word-names after "by", chat names; trained on
  // sets 1-6): precision 1.000, recall 0.989 (178 of 180). Leave-one-set-out (trained on sets 2-6): 1.000 / 0.911.
  'set-1.yaml': { precision: 0.98, recall: 0.97, minimumSize: 400 },
  // Measured on the detector of issue 9 (first rework), before any tuning on it: precision 0.932, recall 0.654.
  // After the second pass, which used it as a development set (an upper estimate now): precision 1.000, recall 0.856
  // (89 of 104, no false alarm). The issue's bar is 0.95 / 0.90; set 3, written after this pass, is the honest measure.
  // After the third pass: precision 1.000, recall 0.865 (90 of 104, no false alarm).
  // After the fourth pass: precision 1.000, recall 0.865 (90 of 104, no false alarm).
  // Hybrid, trained on this set (not blind): precision 1.000, recall 0.933 (97 of 104). Held out: 0.989 / 0.894.
  // Seventh pass (trained on it): precision 0.990, recall 0.971 (101 of 104, 1 false alarm).
  'set-2.yaml': { precision: 0.97, recall: 0.95, minimumSize: 200 },
  // Written after the second pass (tuned on sets 1 and 2), never tuned on: precision 0.868, recall 0.670.
  // The third pass studied its misses (a development set now): precision 1.000, recall 0.898 (79 of 88, no false alarm).
  // After the fourth pass: precision 1.000, recall 0.909 (80 of 88, no false alarm).
  // Hybrid, trained on this set (not blind): precision 1.000, recall 0.955 (84 of 88). Held out: 1.000 / 0.909.
  // Seventh pass (trained on it): precision 1.000, recall 1.000 (88 of 88).
  'set-3.yaml': { precision: 0.98, recall: 0.98, minimumSize: 200 },
  // Written after the third pass (tuned on sets 1-3), never tuned on: precision 0.945, recall 0.542
  // (52 of 96 caught, 3 false alarms). The honest number for the third pass: it does not generalise yet.
  // The fourth pass (harm model: an agent of an act in a sentence that states harm, from the AFINN-165 valence
  // lexicon and a small class of incident outcomes) studied its misses, so it is a development set now:
  // precision 1.000, recall 0.698 (67 of 96, no false alarm). Set 5, written after it, is the honest measure.
  // Hybrid, trained on this set (not blind): precision 1.000, recall 0.875 (84 of 96). Held out: 1.000 / 0.740.
  // Seventh pass (trained on it): precision 1.000, recall 0.948 (91 of 96).
  'set-4.yaml': { precision: 0.98, recall: 0.93, minimumSize: 200 },
  // Written after the fourth pass (the harm model, tuned on sets 1-4), never tuned on: precision 0.942,
  // recall 0.677 (65 of 96 caught, 4 false alarms). The honest number for the fourth pass.
  // The hybrid's model was trained on it too, so it is a development set now: precision 0.953, recall 0.844
  // (81 of 96, 4 false alarms, all from the rules). Held out (model trained on sets 1-4): 0.934 / 0.740, the honest
  // figure for the hybrid, against the rules' 0.942 / 0.677. The next set, written after the hybrid, is the measure.
  // Sixth pass (trained on sets 1-6): precision 0.955, recall 0.885 (85 of 96, 4 false alarms). Held out: 0.936 / 0.760.
  // Seventh pass (trained on it): precision 0.968, recall 0.958 (92 of 96, 3 false alarms).
  'set-5.yaml': { precision: 0.95, recall: 0.94, minimumSize: 200 },
  // Written after the fifth pass (the hybrid: rules + the trained model, trained on sets 1-5) by three new writers
  // (brief: BRIEF-set6.md), never tuned on: precision 0.939, recall 0.646 (62 of 96 caught, 4 false alarms). The
  // honest figure for the hybrid; the issue's bar is 0.95 / 0.90. Timeline (0.417) and chat (0.500) recall are lowest.
  // The sixth pass trains the model on it (not blind any more; the bar is kept as a regression bar): precision 0.966,
  // recall 0.875 (84 of 96, 3 false alarms). Held out (model trained on sets 1-5): 0.954 / 0.646.
  // Seventh pass (trained on it): precision 0.967, recall 0.927 (89 of 96, 3 false alarms).
  'set-6.yaml': { precision: 0.95, recall: 0.91, minimumSize: 200 },
  // Written 2026-11-29 before the sixth pass was finished and frozen (brief: BRIEF-set7.md), by three new writers;
  // the sixth pass's author never saw it, and it is not in the training folds: blind. The fifth pass (the hybrid
  // of 2026-11-28) scored precision 0.896, recall 0.704 (69 of 98 caught, 8 false alarms); the sixth pass
  // (wider prefilter, outcome and manner features, trained on sets 1-6): precision 0.911, recall 0.735 (72 of 98,
  // 7 false alarms). The issue's bar is 0.95 / 0.90.
  // Seventh pass (person finding, issue 9; never opened, measured only): precision 0.918, recall 0.796 (78 of 98,
  // 7 false alarms).
  'set-7.yaml': { precision: 0.9, recall: 0.78, minimumSize: 200, blind: true },
  // Written 2026-11-29 AFTER the sixth pass, the last change to the detector (brief: BRIEF-set8.md), by three new
  // writers; never trained or tuned on: the honest figure for the detector as it ships. Sixth pass: precision 0.896,
  // recall 0.719 (69 of 96 caught, 8 false alarms); the fifth pass scored 0.887 / 0.740 on it (71 caught, 9 false
  // alarms). Over sets 7 and 8 together (194 blame sentences): fifth pass 0.892 / 0.722, sixth 0.904 / 0.727.
  // Seventh pass (person finding; never opened, measured only): precision 0.901, recall 0.760 (73 of 96, 8 false
  // alarms). Sets 7 and 8 together: 0.910 / 0.778.
  'set-8.yaml': { precision: 0.88, recall: 0.74, minimumSize: 200, blind: true },
  // Written 2026-11-29 AFTER the seventh pass (person finding), the last change to the detector this session (brief:
  // BRIEF-set9.md), by three new writers (parts A, B, C, 80 sentences each); never trained or tuned on, its misses
  // not read: the honest figure for the detector as it ships. Seventh pass: precision 0.987, recall 0.802 (77 of 96
  // caught, 1 false alarm); parts A / B / C: 1.000 / 0.813, 1.000 / 0.813, 0.962 / 0.781.
  'set-9.yaml': { precision: 0.96, recall: 0.78, minimumSize: 200, blind: true },
};

for (const [file, bar] of Object.entries(BARS)) {
  const present = existsSync(join(__dirname, '../fixtures/blame-blind', file));
  const kind = bar.blind ? 'blind: never trained or tuned on' : 'trained on by the blame model, not blind';
  test(`blind corpus ${file} (${kind}): precision >= ${bar.precision}, recall >= ${bar.recall}`, { skip: present ? false : `${file} is not written yet` }, () => {
    const sentences = loadBlindSet(file);
    assert.ok(sentences.length >= bar.minimumSize, `${file} holds ${sentences.length} sentences, fewer than ${bar.minimumSize}`);
    const all = scoreBlind(sentences);
    console.log(line(`blind ${file}`, all));
    const styles = [...new Set(sentences.map((s) => s.style))].sort();
    for (const style of styles) console.log(line(`  ${style}`, scoreBlind(sentences.filter((s) => s.style === style))));
    if (process.env.BLAME_BLIND_VERBOSE) for (const miss of all.misses) console.log('  ', miss);
    assert.ok(precisionOf(all) >= bar.precision, `precision ${precisionOf(all).toFixed(3)} is below ${bar.precision}`);
    assert.ok(recallOf(all) >= bar.recall, `recall ${recallOf(all).toFixed(3)} is below ${bar.recall}`);
  });
}
