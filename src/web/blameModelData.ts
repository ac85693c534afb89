/**
 * The blame model's weights in the browser, in place of src/core/blame/blameModelData.ts (scripts/build.mjs):
 * the desktop's dist/blame-model.json, which the worker's start script holds as a function evaluated on first
 * use (src/web/lazyModules.ts). Without it the rules work alone, as in Node without the file.
 */
import type { BlameModel } from '../core/blame/model';
import { loadBlameModel } from './lazyModules';

export function readModelData(): BlameModel | undefined {
  const data = loadBlameModel();
  return typeof data === 'object' && data !== null ? (data as BlameModel) : undefined;
}
