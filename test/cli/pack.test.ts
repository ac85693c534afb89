// The npm package as a user in another repository gets it: `npm pack`, installed from the tarball into an
// empty project (offline: the package has no dependencies to fetch), then `npx postmortem` there.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, CLEAN, SCHEMA_BROKEN, runCli } from './helpers';
import { installOffline, npm, packPackage, type PackedPackage } from './npmPackage';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('postmortem --version', () => {
  it('prints the package version alone, as -v too, and the help lists it', async () => {
    for (const flag of ['--version', '-v']) assert.deepEqual(await runCli([flag], tmpdir()), { code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    assert.match((await runCli(['--help'], tmpdir())).stdout, /^ {2}-v, --version {7}Print the version and exit$/m);
  });
});

describe('the npm package', () => {
  let dir: string;
  let packed: PackedPackage;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-pack-'));
    packed = packPackage(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the CLI bundle, its name list, the schemas, the rule pages and the READMEs, LICENSE, CHANGELOG: nothing else', () => {
    const expected = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'THIRD-PARTY-NOTICES.md',
      // npm adds every README* whatever the ignore file says: the Marketplace README is the users' one anyway.
      'README.marketplace.md',
      'dist/cli-lint.js',
      'dist/cli-new.js',
      'dist/cli-render.js',
      'dist/cli-review.js',
      'dist/cli.js',
      'dist/compromise.js',
      'dist/blame-model.json',
      'dist/person-names.json',
      'dist/plain-words.json',
      'dist/server.js',
      'package.json',
      ...readdirSync(join(repoRoot, 'docs/rules')).map((f) => `docs/rules/${f}`),
      ...readdirSync(join(repoRoot, 'schemas')).map((f) => `schemas/${f}`),
    ].sort();
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files, expected);
    assert.ok(!files.some((f) => /^(src|test|node_modules|scripts|bench|media)\/|\.map$|extension\.js$/.test(f)));
  });

  // 1.05 MB: the blame detector's plain-word list (dist/plain-words.json, ~17 KB packed) keeps compromise out of a
  // one-file lint of a document without blame language (issue 12 item 8, bench/startup.bench.ts). 1.1 MB since the
  // sixth blame pass: its model has 2,581 features (dist/blame-model.json 24 -> 40 KB, ~13 KB packed), and the
  // batched analysis and wider prefilter add code (1,054,068 bytes packed unminified on 2026-11-29). 1.15 MB since the
  // startup work of 2026-11-29: the plain-word list is shipped as sorted text, searched as it is (~35 KB packed
  // instead of ~17 front-coded, whose decoding cost a one-file lint 14 ms), plus the lexicon's generated leading and
  // required texts, the code cache and the seventh pass's model (1,103,766 bytes).
  it('is small: under 1.15 MB packed (the bundle, unminified here, is most of it)', () => {
    assert.ok(packed.size < 1_150_000, `${packed.size} bytes`);
    assert.ok(packed.size > 100_000, `${packed.size} bytes: the bundle is missing?`);
  });

  it('has no runtime dependencies, a postmortem bin, and is publishable (not private)', () => {
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.bin, { postmortem: './dist/cli.js', 'postmortem-language-server': './dist/server.js' });
    assert.equal(manifest.scripts.prepack, 'node scripts/build.mjs --production');
  });

  it('installs offline into an empty project, where `npx postmortem` lints and prints its version', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'postmortems'), { recursive: true });
    mkdirSync(join(project, '.git'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'someone-elses-service', version: '1.0.0', private: true }));
    installOffline(project, packed.tarball, join(dir, 'npm-cache'));
    // Only the package itself: nothing else came along.
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((f) => !f.startsWith('.')), ['postmortems-as-code']);

    const version = npm(['exec', '--offline', '--', 'postmortem', '--version'], project, join(dir, 'npm-cache'));
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout, `${manifest.version}\n`);
    // The second bin, for editors other than VS Code.
    const server = npm(['exec', '--offline', '--', 'postmortem-language-server', '--version'], project, join(dir, 'npm-cache'));
    assert.equal(server.status, 0, server.stderr);
    assert.match(server.stdout, new RegExp(manifest.version.replace(/\./g, '\\.')));

    copyFileSync(join(repoRoot, 'examples/postmortems/2026-06-09-search-ranking-bad-deploy.pm.yaml'), join(project, 'postmortems/clean.pm.yaml'));
    const clean = spawnSync('npx', ['--offline', 'postmortem', 'lint', '--today', '2026-07-01'], { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(dir, 'npm-cache') } });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /No problems in 1 file/);

    writeFileSync(join(project, 'postmortems/broken.pm.yaml'), SCHEMA_BROKEN.replace(CLEAN.match(/^id: .*$/m)![0], 'id: INC-2026-06-09-099'));
    const broken = spawnSync('npx', ['--offline', 'postmortem', 'lint', '--today', '2026-07-01', '--format', 'sarif'], { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(dir, 'npm-cache') } });
    assert.equal(broken.status, 1, broken.stderr);
    const rules = JSON.parse(broken.stdout).runs[0].tool.driver.rules;
    // The rule pages are read from the installed package, beside dist/.
    assert.match(rules.find((r: { id: string }) => r.id === 'whys-count').help.markdown, /^# PM112 `whys-count`/);
    assert.match(JSON.parse(broken.stdout).runs[0].results[0].message.text, /SEV-1, SEV-2, SEV-3/);
  });
});
