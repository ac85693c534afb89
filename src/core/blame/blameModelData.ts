/**
 * Where the blame model's weights come from in Node: dist/blame-model.json beside the bundle (one file for the
 * CLI's bundles and the server, instead of a copy in each), or src/core/blame/blameModel.json when run from
 * source. The browser build swaps this module for src/web/blameModelData.ts (scripts/build.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlameModel } from './model';

const CANDIDATES = [join(__dirname, 'blame-model.json'), join(__dirname, 'blameModel.json')];

/** The weights, or undefined when no file can be read: the rules then work alone. */
export function readModelData(): BlameModel | undefined {
  for (const file of CANDIDATES) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as BlameModel;
    } catch {
      // Not there: try the next place.
    }
  }
  return undefined;
}
