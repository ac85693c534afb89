// Building and packaging the extension from the runners.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

function runStep(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
  return Date.now() - started;
}

/** The development build (dist/ with source maps), what extensionDevelopmentPath loads. */
export function buildExtension() {
  return runStep('build', process.execPath, [join(repoRoot, 'scripts', 'build.mjs')]);
}

/**
 * `npm run package`: the production build packaged by vsce into
 * dist/postmortems-as-code.vsix. vsce's file listing is shown only on a failure.
 */
export function packageExtension() {
  const started = Date.now();
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`npm run package failed (exit ${result.status ?? result.signal})`);
  }
  const vsixPath = join(repoRoot, 'dist', 'postmortems-as-code.vsix');
  const summary = /Packaged: .*$/m.exec(result.stdout)?.[0] ?? `Packaged: ${vsixPath}`;
  console.log(`${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return vsixPath;
}
