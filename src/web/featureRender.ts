/**
 * `require('./featureRender')` in the server's web worker (scripts/build.mjs swaps this file in): the
 * desktop's dist/server-features.js, evaluated on the first preview, export or review request
 * (src/web/lazyModules.ts). Without it those requests fail, and are answered with null.
 */
import type * as FeatureRender from '../server/featureRender';
import { loadServerFeatures } from './lazyModules';

function load(): typeof FeatureRender {
  const loaded = loadServerFeatures() as typeof FeatureRender | undefined;
  if (!loaded) throw new Error('the feature renderers (dist/server-features.js) are not available in this worker');
  return loaded;
}

export const previewOf: typeof FeatureRender.previewOf = (...args) => load().previewOf(...args);
export const exportOf: typeof FeatureRender.exportOf = (...args) => load().exportOf(...args);
export const reviewOf: typeof FeatureRender.reviewOf = (...args) => load().reviewOf(...args);
