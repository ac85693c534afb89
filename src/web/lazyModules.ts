/**
 * The NLP library, the name list and the renderers of the editor's features in the server's web
 * worker: the script that starts the worker (src/web/client.ts) defines them as functions over the
 * desktop's own files (dist/compromise.js, dist/person-names.json, dist/plain-words.json, dist/blame-model.json,
 * dist/server-features.js), so the
 * vsix holds one copy of each and the worker evaluates them only when first asked, as `require`
 * does in Node.
 */
import { LAZY_MODULES_GLOBAL } from './protocol';

interface LazyModules {
  compromise?: (module: { exports: unknown }, exports: unknown) => void;
  serverFeatures?: (module: { exports: unknown }, exports: unknown) => void;
  names?: () => unknown;
  plainWords?: () => unknown;
  blameModel?: () => unknown;
}

const cache = new Map<string, unknown>();

function lazyModules(): LazyModules {
  return ((globalThis as Record<string, unknown>)[LAZY_MODULES_GLOBAL] ?? {}) as LazyModules;
}

/** A CommonJS module the start script defined, evaluated once; undefined when the worker was started without it. */
function loadDefined(name: 'compromise' | 'serverFeatures'): unknown {
  if (!cache.has(name)) {
    const define = lazyModules()[name];
    const module = { exports: {} as unknown };
    if (define) define(module, module.exports);
    cache.set(name, define ? module.exports : undefined);
  }
  return cache.get(name);
}

/** compromise's export, or undefined when the worker was started without it. */
export function loadCompromiseModule(): unknown {
  return loadDefined('compromise');
}

/** A data file the start script defined as a function returning it, evaluated once; undefined without it. */
function loadData(name: 'names' | 'plainWords' | 'blameModel'): unknown {
  if (!cache.has(name)) cache.set(name, lazyModules()[name]?.());
  return cache.get(name);
}

/** The name lists, or undefined when the worker was started without them. */
export function loadNameList(): unknown {
  return loadData('names');
}

/** The blame quick check's plain words (dist/plain-words.json), or undefined when the worker was started without them. */
export function loadPlainWords(): unknown {
  return loadData('plainWords');
}

/** The blame model's weights (dist/blame-model.json), or undefined when the worker was started without them. */
export function loadBlameModel(): unknown {
  return loadData('blameModel');
}

/** The server's renderers (dist/server-features.js, src/server/featureRender.ts), or undefined when the worker was started without them. */
export function loadServerFeatures(): unknown {
  return loadDefined('serverFeatures');
}
