// Control characters, bidi controls and newlines in ids, titles, keys and file names: no human-readable
// output (text, github, Markdown, notices on stderr) passes them raw to the terminal or the CI log, no
// file name forges a diagnostic line, and JSON keeps the value exactly (escaped the JSON way).
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { CLEAN, RAW_CONTROL, allOutput, hostileWorld, runBuilt, type HostileWorld } from './helpers';

let world: HostileWorld;
beforeEach(() => {
  world = hostileWorld();
});
afterEach(() => world.cleanup());

/** ESC colour and OSC window-title sequences, BEL, a C1 CSI, DEL, a right-to-left override and an isolate. */
const NASTY = '\u001b[31mRED\u001b]0;pwned\u0007\u009b2J\u007f\u202eevil\u2066x';
const NASTY_YAML = '"\\e[31mRED\\e]0;pwned\\a\\x9b2J\\x7f\\u202eevil\\u2066x"';

function withId(idYaml: string): string {
  return CLEAN.replace(/^id: .*$/m, `id: ${idYaml}`);
}

describe('control characters in values', () => {
  test('text format: the id is shown escaped, nothing raw reaches the terminal', async () => {
    world.write('postmortems/a.pm.yaml', withId(NASTY_YAML));
    const run = await runBuilt(['lint'], world.repo);
    assert.doesNotMatch(allOutput(run), RAW_CONTROL);
    assert.ok(run.stdout.includes('\\x1b[31mRED\\x1b]0;pwned\\x07\\x9b2J\\x7f\\u202eevil\\u2066x'), run.stdout);
    assert.equal(run.code, 1);
  });

  test('github format: escaped, one annotation per line', async () => {
    world.write('postmortems/a.pm.yaml', withId(NASTY_YAML));
    const run = await runBuilt(['lint', '--format', 'github'], world.repo);
    assert.doesNotMatch(run.stdout, RAW_CONTROL);
    for (const line of run.stdout.trimEnd().split('\n')) assert.match(line, /^::(?:error|warning|notice) file=/);
    assert.ok(run.stdout.includes('\\x1b[31mRED'));
  });

  test('lint json and sarif: valid JSON, no raw control character, the message quotes the escaped excerpt', async () => {
    world.write('postmortems/a.pm.yaml', withId(NASTY_YAML));
    for (const format of ['json', 'sarif']) {
      const run = await runBuilt(['lint', '--format', format], world.repo);
      assert.doesNotMatch(run.stdout, RAW_CONTROL, format);
      assert.ok(JSON.stringify(JSON.parse(run.stdout)).includes('`\\\\x1b[31mRED'), format);
    }
  });

  test('review json keeps the exact title, written with JSON escapes only', async () => {
    world.write('postmortems/a.pm.yaml', CLEAN.replace(/^title: .*$/m, `title: ${NASTY_YAML}`));
    const run = await runBuilt(['review', '--format', 'json'], world.repo);
    assert.doesNotMatch(run.stdout, RAW_CONTROL);
    assert.ok(run.stdout.includes('"\\u001b[31mRED\\u001b]0;pwned\\u0007\\u009b2J\\u007f\\u202eevil\\u2066x"'), run.stdout);
    // Read back, the title is the exact value of the file.
    assert.ok(JSON.stringify(JSON.parse(run.stdout)).includes(JSON.stringify(NASTY)));
  });

  test('render (Markdown) and review (Markdown) escape a title', async () => {
    world.write('postmortems/a.pm.yaml', CLEAN.replace(/^title: .*$/m, `title: ${NASTY_YAML}`));
    const markdown = await runBuilt(['render', 'postmortems/a.pm.yaml'], world.repo);
    assert.equal(markdown.code, 0);
    assert.doesNotMatch(markdown.stdout, RAW_CONTROL);
    assert.ok(markdown.stdout.includes('\\u202eevil'));
    const review = await runBuilt(['review'], world.repo);
    assert.doesNotMatch(review.stdout, RAW_CONTROL);
  });

  test('a long value is quoted as a short excerpt with an ellipsis, never whole', async () => {
    const long = `INC-${'A'.repeat(5000)}`;
    world.write('postmortems/a.pm.yaml', withId(long));
    const run = await runBuilt(['lint'], world.repo);
    const line = run.stdout.split('\n').find((l) => l.includes('INC-AAA'));
    assert.ok(line, run.stdout);
    assert.ok(line.includes('…'));
    assert.ok(line.length < 400, `${line.length} characters`);
  });

  test('a long id shared by two files: the duplicate-id message quotes an excerpt of it', async () => {
    const long = `INC-${'B'.repeat(5000)}`;
    world.write('postmortems/a.pm.yaml', withId(long));
    world.write('postmortems/b.pm.yaml', withId(long));
    const run = await runBuilt(['lint'], world.repo);
    const duplicates = run.stdout.split('\n').filter((l) => l.endsWith('[duplicate-id]'));
    assert.equal(duplicates.length, 2, run.stdout.slice(0, 2000));
    for (const line of duplicates) {
      assert.ok(line.includes('INC-BBB') && line.includes('…'), line.slice(0, 300));
      assert.ok(line.length < 400, `${line.length} characters`);
    }
  });

  test('an unknown key holding escapes and a newline is quoted escaped', async () => {
    world.write('postmortems/a.pm.yaml', `${CLEAN}"\\e[2Jkey\\nFORGED": 1\n`);
    const run = await runBuilt(['lint'], world.repo);
    assert.doesNotMatch(run.stdout, RAW_CONTROL);
    assert.match(run.stdout, /Unknown key `\\x1b\[2Jkey FORGED`/);
    assert.ok(!run.stdout.split('\n').some((l) => l.startsWith('FORGED')));
  });

  test('a usage error quoting an argument escapes it', async () => {
    const run = await runBuilt(['review', '--quarter', '\u001b[2J2026-Q9'], world.repo);
    assert.equal(run.code, 2);
    assert.doesNotMatch(run.stderr, RAW_CONTROL);
    assert.match(run.stderr, /got "\\x1b\[2J2026-Q9"/);
  });
});

describe('control characters in file names', { skip: process.platform === 'win32' ? 'no newlines in Windows file names' : false }, () => {
  const FORGING = 'a.pm.yaml\npostmortems/forged.pm.yaml:1:1 error FORGED [schema]\nb.pm.yaml';

  test('text format: a file name with newlines forges no diagnostic line', async () => {
    world.write(`postmortems/${FORGING}`, withId('NOT-AN-ID'));
    const run = await runBuilt(['lint'], world.repo);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(!lines.some((l) => l.startsWith('postmortems/forged.pm.yaml')), run.stdout);
    for (const line of lines.slice(0, -1)) assert.ok(line.startsWith('postmortems/a.pm.yaml\\npostmortems/forged.pm.yaml:1:1 error FORGED [schema]\\nb.pm.yaml:'), line);
  });

  test('github format: the file property is percent-encoded; every line is an annotation', async () => {
    world.write(`postmortems/${FORGING}`, withId('NOT-AN-ID'));
    const run = await runBuilt(['lint', '--format', 'github'], world.repo);
    for (const line of run.stdout.trimEnd().split('\n')) {
      assert.match(line, /^::error file=postmortems\/a\.pm\.yaml%0Apostmortems\/forged\.pm\.yaml%3A1%3A1 error FORGED \[schema\]%0Ab\.pm\.yaml,line=/);
    }
  });

  test('escape sequences and bidi controls in a file name are escaped in diagnostics and in notices', async () => {
    world.write('postmortems/\u001b[31m\u202eevil.pm.yaml', withId('NOT-AN-ID'));
    symlinkSync('nowhere', join(world.repo, 'postmortems/\u001b]0;x\u0007dangling.pm.yaml'));
    symlinkSync(world.secretFile, join(world.repo, 'postmortems/\u009bout.pm.yaml'));
    const run = await runBuilt(['lint'], world.repo);
    assert.doesNotMatch(allOutput(run), RAW_CONTROL);
    assert.match(run.stdout, /^postmortems\/\\x1b\[31m\\u202eevil\.pm\.yaml:/m);
    assert.match(run.stderr, /^postmortem lint: cannot read postmortems\/\\x1b\]0;x\\x07dangling\.pm\.yaml: no such file or directory$/m);
    assert.match(run.stderr, /^postmortem lint: skipped postmortems\/\\x9bout\.pm\.yaml: /m);
    const review = await runBuilt(['review'], world.repo);
    assert.doesNotMatch(allOutput(review), RAW_CONTROL);
  });
});
