// One activation sample, in a fresh process: load dist/extension.js with a
// stub `vscode` module and call activate() with a fake context. Prints the
// milliseconds from before the bundle is required to after activate returns,
// then what activation defers to the next tick: loading the language client
// (dist/client.js) and the features (dist/features.js), each timed alone.
// Used by lint.bench.ts; run alone: node bench/activation-probe.cjs
'use strict';
const Module = require('node:module');
const path = require('node:path');

/** A stand-in for any part of the vscode API: callable, constructible, every property another stand-in. */
function stub(name) {
  const children = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'then') return undefined; // not a promise
      if (prop === 'length') return 0;
      if (prop === 'workspaceFolders' || prop === 'activeTextEditor') return undefined;
      // vscode-languageclient checks the editor's version against its engine when constructed.
      if (prop === 'version') return '1.100.3';
      if (prop === 'textDocuments' || prop === 'visibleTextEditors' || prop === 'all') return [];
      if (!children.has(prop)) children.set(prop, stub(String(prop)));
      return children.get(prop);
    },
    set(_t, prop, value) {
      children.set(prop, value);
      return true;
    },
    // `configuration.get(key, fallback)` gives the fallback, as with no user settings.
    apply(_t, _this, args) {
      if (name === 'get' && args.length >= 2) return args[1];
      if (name === 'findFiles') return Promise.resolve([]);
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

// The bundle copies the module's own property names (esbuild's __toESM), so
// the root lists every name `@types/vscode` exports.
function apiNames() {
  const dts = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set();
  for (const m of dts.matchAll(/^\texport (?:declare )?(?:namespace|class|enum|const|function|let) (\w+)/gm)) names.add(m[1]);
  return [...names];
}
const rootStub = stub('vscode');
const names = apiNames();
const vscodeStub = new Proxy({}, {
  get: (_t, prop) => rootStub[prop],
  has: (_t, prop) => names.includes(prop),
  ownKeys: () => names,
  getOwnPropertyDescriptor: (_t, prop) => (names.includes(prop) ? { configurable: true, enumerable: true, value: rootStub[prop] } : undefined),
});
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return 'vscode';
  return originalResolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeStub };

const root = path.join(__dirname, '..');
const context = {
  subscriptions: [],
  extensionPath: root,
  extensionUri: stub('extensionUri'),
  globalState: { get: (_k, d) => d, update: async () => undefined, keys: () => [] },
  workspaceState: { get: (_k, d) => d, update: async () => undefined, keys: () => [] },
  asAbsolutePath: (p) => path.join(root, p),
  extensionMode: 1,
  storageUri: undefined,
  globalStorageUri: stub('globalStorageUri'),
  logUri: stub('logUri'),
};

async function main() {
  const started = performance.now();
  const extension = require(path.join(root, 'dist/extension.js'));
  await extension.activate(context);
  const ms = performance.now() - started;
  // What activation defers (loaded on the next tick, or on first use): each bundle's load on its own.
  const loadMs = (file) => {
    const t = performance.now();
    require(path.join(root, file));
    return performance.now() - t;
  };
  const clientMs = loadMs('dist/client.js');
  const featuresMs = loadMs('dist/features.js');
  // Exit at once: timers and watchers the extension starts would keep a real
  // extension host busy, and here they would keep this process alive.
  process.stdout.write(JSON.stringify({ ms, clientMs, featuresMs, subscriptions: context.subscriptions.length }) + '\n', () => process.exit(0));
}

main().catch((error) => {
  process.stdout.write(JSON.stringify({ error: String((error && error.stack) || error) }) + '\n', () => process.exit(1));
});
