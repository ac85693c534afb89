// What the .vsix ships to users (issue 10, item 12): the user-facing README (not the developers'),
// an icon, and only links to files that are in the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const marketplaceReadme = readFileSync(join(root, 'README.marketplace.md'), 'utf8');

test('the package step ships README.marketplace.md as the README, with an icon and a homepage', () => {
  assert.match(manifest.scripts.package, /--readme-path README\.marketplace\.md/);
  assert.equal(manifest.icon, 'media/icon.png');
  assert.match(manifest.homepage, /^https:\/\//);
  const png = readFileSync(join(root, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('the user README speaks to users: no npm start, no code-server, no developer files', () => {
  for (const developerOnly of [/npm start/, /code-server/, /npm test/, /examples\//, /src\//]) assert.doesNotMatch(marketplaceReadme, developerOnly);
});

test('every relative link of the user README points at a file in the .vsix', () => {
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const listed = spawnSync(vsce, ['ls', '--no-dependencies', '--readme-path', 'README.marketplace.md'], { cwd: root, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const files = new Set(listed.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
  for (const needed of ['README.marketplace.md', 'media/icon.png', 'LICENSE', 'CHANGELOG.md', 'docs/format.md']) assert.ok(files.has(needed), `${needed} is packaged`);
  assert.ok(!files.has('README.md'), 'the developers\' README stays in the repository');
  const links = [...marketplaceReadme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((href) => !/^[a-z]+:/i.test(href));
  assert.ok(links.length > 20, 'the rule table links each rule page');
  assert.deepEqual(links.filter((href) => !files.has(href)), []);
});
