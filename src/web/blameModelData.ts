/**
 * The blame model's weights in the browser: bundled into the server's worker (a worker has no disk to read
 * dist/blame-model.json from), in place of src/core/blame/blameModelData.ts (scripts/build.mjs).
 * A `require` inside the function, so the weights are evaluated on first use only, as in Node.
 */
import type { BlameModel } from '../core/blame/model';

export function readModelData(): BlameModel | undefined {
  return require('../core/blame/blameModel.json') as BlameModel;
}
