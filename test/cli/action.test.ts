// The GitHub Action (action.yml) run as the runner runs it: its step's `run` in bash with the
// environment GitHub sets (GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_EVENT_PATH,
// RUNNER_TEMP) and the step's `env` with `${{ inputs.* }}` filled in, in a temporary git repository.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLEAN, SCHEMA_BROKEN, repoRoot } from './helpers';
import { ensureBuilt, packPackage } from './npmPackage';

interface ActionStep {
  id?: string;
  shell: string;
  run: string;
  env: Record<string, string>;
}
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
};

const idOf = (text: string) => /^id: (.*)$/m.exec(text)![1];
/** The clean example under another id. */
const cleanWithId = (id: string) => CLEAN.replace(/^id: .*$/m, `id: ${id}`);
/** Two went_well entries (a went-well-count warning), under another id. */
const WARNING_ONLY = cleanWithId('INC-2026-06-09-901').replace(/(went_well:\n(?: {2}- .*\n){2})(?: {2}- .*\n)+/, '$1');
const ERROR_FILE = SCHEMA_BROKEN.replace(/^id: .*$/m, 'id: INC-2026-06-09-902');

/** `${{ inputs.name }}` and nothing else: any other expression in action.yml fails the test, so none goes untested. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    if (!input || !(input in action.inputs)) throw new Error(`unsupported expression in action.yml: ${expression}`);
    return inputs[input] ?? action.inputs[input].default;
  });
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  annotations: string[];
}

describe('the GitHub Action', () => {
  let root: string;
  let workspace: string;
  let baseSha: string;

  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'CI', GIT_AUTHOR_EMAIL: 'ci@example.com', GIT_COMMITTER_NAME: 'CI', GIT_COMMITTER_EMAIL: 'ci@example.com' } });
  const write = (path: string, text: string) => {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
  };

  function runAction(inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}, actionPath = repoRoot): ActionRun {
    assert.equal(action.runs.using, 'composite');
    const [step] = action.runs.steps;
    assert.equal(action.runs.steps.length, 1);
    const output = join(root, `output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(output, '');
    const event = join(root, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: baseSha } } }));
    const env: Record<string, string> = {
      PATH: process.env.PATH!,
      HOME: root,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      RUNNER_TEMP: join(root, 'runner-temp'),
      ...Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, expand(v, inputs)])),
      ...extraEnv,
    };
    // GitHub's `shell: bash`: bash --noprofile --norc -eo pipefail {0}, in the workspace.
    assert.equal(step.shell, 'bash');
    const script = join(root, 'step.sh');
    writeFileSync(script, step.run);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs, annotations: result.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l)) };
  }

  before(() => {
    ensureBuilt();
    root = mkdtempSync(join(tmpdir(), 'pm-action-'));
    workspace = join(root, 'repo');
    mkdirSync(workspace);
    git('init', '-q', '-b', 'main');
    write('postmortems/2026/clean.pm.yaml', CLEAN);
    write('postmortems/old-broken.pm.yaml', ERROR_FILE);
    write('notes/other.yaml', 'not: a post-mortem\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    baseSha = git('rev-parse', 'HEAD').trim();
    // The pull request: a new post-mortem reusing the clean one's id, and one with a warning only.
    git('checkout', '-q', '-b', 'feature');
    write('postmortems/2026/new.pm.yaml', cleanWithId(idOf(CLEAN)));
    write('postmortems/2026/warn.pm.yaml', WARNING_ONLY);
    git('add', '.');
    git('commit', '-q', '-m', 'pull request');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('by default checks every post-mortem under postmortems/**, annotates each finding and fails on errors', () => {
    const run = runAction();
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const files = new Set(run.annotations.map((a) => /file=([^,]*)/.exec(a)![1]));
    assert.deepEqual([...files].sort(), ['postmortems/2026/clean.pm.yaml', 'postmortems/2026/new.pm.yaml', 'postmortems/2026/warn.pm.yaml', 'postmortems/old-broken.pm.yaml']);
    assert.ok(run.annotations.some((a) => a.startsWith('::error file=postmortems/old-broken.pm.yaml,') && a.includes('title=schema::')));
    assert.ok(run.annotations.some((a) => a.startsWith('::error file=postmortems/2026/new.pm.yaml,') && a.includes('title=duplicate-id::')));
    assert.equal(run.outputs.files, '4');
    assert.equal(Number(run.outputs.errors), run.annotations.filter((a) => a.startsWith('::error')).length);
    assert.match(run.stdout, /postmortem lint: \d+ error\(s\), \d+ warning\(s\)/);
  });

  it('only-changed annotates the pull request\'s post-mortems only, yet sees the others (duplicate-id against an unchanged file)', () => {
    const run = runAction({ 'only-changed': 'true' });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /2 of 4 post-mortems changed since/);
    const files = new Set(run.annotations.map((a) => /file=([^,]*)/.exec(a)![1]));
    assert.deepEqual([...files].sort(), ['postmortems/2026/new.pm.yaml', 'postmortems/2026/warn.pm.yaml']);
    assert.ok(run.annotations.some((a) => a.includes('title=duplicate-id::')));
    assert.equal(run.outputs.files, '2');
  });

  it('max-warnings: passes at the limit, fails above it; errors fail whatever the limit', () => {
    const warnOnly = { paths: 'postmortems/2026/warn.pm.yaml' };
    const free = runAction(warnOnly);
    assert.equal(free.code, 0, free.stdout);
    const warnings = Number(free.outputs.warnings);
    assert.ok(warnings >= 1, free.stdout);
    assert.equal(runAction({ ...warnOnly, 'max-warnings': String(warnings) }).code, 0);
    const over = runAction({ ...warnOnly, 'max-warnings': String(warnings - 1) });
    assert.equal(over.code, 1);
    assert.match(over.stdout, new RegExp(`^::error title=postmortem lint::${warnings} warnings, more than max-warnings \\(${warnings - 1}\\)\\.$`, 'm'));
  });

  it('writes SARIF for every post-mortem, also with only-changed (code scanning closes alerts an upload leaves out)', () => {
    const run = runAction({ 'only-changed': 'true', 'sarif-file': 'reports/postmortems.sarif' });
    assert.equal(run.code, 1);
    assert.equal(run.outputs['sarif-file'], 'reports/postmortems.sarif');
    const log = JSON.parse(readFileSync(join(workspace, 'reports/postmortems.sarif'), 'utf8'));
    const uris = new Set(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('postmortems/old-broken.pm.yaml'), [...uris].join());
    assert.ok(uris.has('postmortems/2026/new.pm.yaml'));
  });

  it('a folder input means the post-mortems under it; a glob matching nothing passes with a notice', () => {
    const folder = runAction({ paths: 'postmortems/2026' });
    assert.equal(folder.outputs.files, '3');
    const none = runAction({ paths: 'incidents/**/*.pm.yaml' });
    assert.equal(none.code, 0);
    assert.match(none.stdout, /^::notice title=postmortem lint::No post-mortems match incidents\/\*\*\/\*\.pm\.yaml\.$/m);
  });

  it('bad inputs stop the action with exit 2 and an error annotation; inputs are never run as shell code', () => {
    const bad = runAction({ 'max-warnings': 'ten' });
    assert.equal(bad.code, 2);
    assert.match(bad.stdout, /^::error title=postmortem lint::max-warnings must be a whole number/m);
    assert.equal(runAction({ 'only-changed': 'yes please' }).code, 2);
    const injected = runAction({ paths: '$(touch pwned)\n`touch pwned2`' });
    assert.equal(injected.code, 0);
    assert.ok(!existsSync(join(workspace, 'pwned')) && !existsSync(join(workspace, 'pwned2')));
    assert.equal(runAction({ paths: ':(top)postmortems' }).code, 2);
  });

  it('without a build of its own, installs the npm package of its version into RUNNER_TEMP and runs it', () => {
    // A copy of the action as `uses: owner/repo@tag` checks it out: action.yml, scripts/, package.json, no dist/.
    const actionCopy = join(root, 'action-checkout');
    mkdirSync(join(actionCopy, 'scripts'), { recursive: true });
    for (const file of ['action.yml', 'package.json', 'scripts/github-action.mjs']) writeFileSync(join(actionCopy, file), readFileSync(join(repoRoot, file)));
    // npm from the registry is out of reach here: a stand-in records the command and installs the packed tarball instead.
    const { tarball } = packPackage(root);
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const realNpm = execFileSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(bin, 'npm'),
      `#!/usr/bin/env bash\nprintf '%s\\n' "$@" > "${root}/npm-args"\nset -- "\${@:1:$#-1}"\nexec "${realNpm}" "$@" --offline "${tarball}"\n`,
    );
    chmodSync(join(bin, 'npm'), 0o755);
    const run = runAction({}, { PATH: `${bin}:${process.env.PATH}`, npm_config_cache: join(root, 'npm-cache') }, actionCopy);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
    const prefix = join(root, 'runner-temp', `postmortem-cli-${version}`);
    assert.deepEqual(readFileSync(join(root, 'npm-args'), 'utf8').trim().split('\n'), ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', `postmortems-as-code@${version}`]);
    assert.ok(existsSync(join(prefix, 'node_modules/postmortems-as-code/dist/cli.js')));
    assert.ok(run.annotations.some((a) => a.includes('title=duplicate-id::')));
  });

  it('declares every output the step writes', () => {
    for (const [name, output] of Object.entries(action.outputs)) assert.equal(output.value, `\${{ steps.lint.outputs.${name} }}`);
    assert.equal(action.runs.steps[0].id, 'lint');
  });
});
