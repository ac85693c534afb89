/**
 * The NLP library and the name list in the server's web worker: the script that starts the worker
 * (src/web/client.ts) defines them as functions over the desktop's own files (dist/compromise.js,
 * dist/person-names.json), so the vsix holds one copy of each and the worker evaluates them only
 * when the blame detector first asks, as `require` does in Node.
 */
import { LAZY_MODULES_GLOBAL } from './protocol';

interface LazyModules {
  compromise?: (module: { exports: unknown }, exports: unknown) => void;
  names?: () => unknown;
}

const cache = new Map<string, unknown>();

function lazyModules(): LazyModules {
  return ((globalThis as Record<string, unknown>)[LAZY_MODULES_GLOBAL] ?? {}) as LazyModules;
}

/** compromise's export, or undefined when the worker was started without it. */
export function loadCompromiseModule(): unknown {
  if (!cache.has('compromise')) {
    const define = lazyModules().compromise;
    const module = { exports: {} as unknown };
    if (define) define(module, module.exports);
    cache.set('compromise', define ? module.exports : undefined);
  }
  return cache.get('compromise');
}

/** The name lists, or undefined when the worker was started without them. */
export function loadNameList(): unknown {
  if (!cache.has('names')) cache.set('names', lazyModules().names?.());
  return cache.get('names');
}
