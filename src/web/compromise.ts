/**
 * `require('compromise')` in the server's web worker (scripts/build.mjs swaps this file in): the
 * desktop's dist/compromise.js, evaluated on first use (src/web/lazyModules.ts). Throws when it is
 * absent, as a failed `require` does: the detector then works without the NLP library.
 */
import { loadCompromiseModule } from './lazyModules';

const loaded = loadCompromiseModule();
if (loaded === undefined) throw new Error('compromise is not available in this worker');
export default loaded;
