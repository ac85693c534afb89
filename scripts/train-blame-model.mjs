#!/usr/bin/env node
// Trains the blame detector's model (src/core/blame/model.ts): logistic regression over (sentence, person
// candidate) pairs from the labelled corpora, then writes src/core/blame/blameModel.json (the weights) and
// src/core/blame/blameModel.generated.ts (the one setting detect.ts reads).
// Deterministic: fixed feature order, full-batch gradient descent from zero, weights rounded; the same
// corpora give the same file (test/unit/blame-model.test.ts checks the committed file against a fresh run).
//
// Usage: node --import tsx scripts/train-blame-model.mjs          (train on everything, write the file)
//        node --import tsx scripts/train-blame-model.mjs --cv     (leave-one-set-out cross-validation only)
//        node --import tsx scripts/train-blame-model.mjs --check  (exit 1 when the committed file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { trainBlameModel, crossValidate, renderModel, loadPairs } from './blameModelTraining.ts';

const root = new URL('..', import.meta.url).pathname;
const outJson = join(root, 'src/core/blame/blameModel.json');
const outSettings = join(root, 'src/core/blame/blameModel.generated.ts');
const corpora = loadPairs(root, parse);

if (process.argv.includes('--cv')) {
  const report = crossValidate(corpora);
  for (const line of report.lines) console.log(line);
} else {
  const trained = trainBlameModel(corpora);
  const { json, settings } = renderModel(trained);
  if (process.argv.includes('--check')) {
    const same = readFileSync(outJson, 'utf8') === json && readFileSync(outSettings, 'utf8') === settings;
    console.log(same ? 'blameModel.json is up to date' : 'blameModel.json or blameModel.generated.ts differs from a fresh training run');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(outJson, json);
  writeFileSync(outSettings, settings);
  console.log(`${trained.summary}; ${Buffer.byteLength(json)} bytes written to src/core/blame/blameModel.json`);
}
