import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseProjectConfig, readProjectConfig } from '../../src/core/config';
import { findProjectConfig, findRepositoryRoot, loadProjectConfig } from '../../src/core/projectConfig';
import { lintText } from '../../src/core/lint';
import { mergeSettings } from '../../src/core/settings';

describe('.postmortem.yaml', () => {
  it('reads every key', () => {
    const { settings, warnings } = readProjectConfig(
      [
        '# the team defaults',
        'rules:',
        '  action-vague: off',
        '  timeline-granularity: warning',
        '  schema: error',
        'people: [Priya Natarajan, Jonas Berg]',
        'holidays:',
        '  - 2026-12-25',
        '  - "2026-12-26"',
        'timelineGapMinutes: { SEV-1: 10, sev2: 45 }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings, {
      rules: { 'action-vague': 'off', 'timeline-granularity': 'warning', schema: 'error' },
      people: ['Priya Natarajan', 'Jonas Berg'],
      holidays: ['2026-12-25', '2026-12-26'],
      timelineGapMinutes: { 'SEV-1': 10, 'SEV-2': 45 },
    });
  });

  it('an empty file or a file of comments is no settings and no warning', () => {
    assert.deepEqual(readProjectConfig(''), { settings: {}, warnings: [] });
    assert.deepEqual(readProjectConfig('# nothing yet\n'), { settings: {}, warnings: [] });
  });

  it('ignores bad entries, keeps the good ones, and says where each bad one is', () => {
    const text = [
      'rules:',
      '  action-vauge: off',
      '  action-overdue: loud',
      '  action-owner-missing: warn',
      'people: [Priya, 42]',
      'holidays: [2026-02-30, 2026-12-25, tomorrow]',
      'timelineGapMinutes: { SEV-1: -5, SEV-4: 30, SEV-3: 90 }',
      'holidayz: []',
      '',
    ].join('\n');
    const { settings, warnings } = readProjectConfig(text);
    assert.deepEqual(settings, {
      rules: { 'action-owner-missing': 'warning' },
      people: ['Priya'],
      holidays: ['2026-12-25'],
      timelineGapMinutes: { 'SEV-3': 90 },
    });
    const summary = warnings.map((w) => `${w.range.start.line}:${w.range.start.character} ${w.message}`);
    assert.deepEqual(summary, [
      '7:0 Unknown setting `holidayz`; did you mean `holidays`? It is ignored.',
      '1:2 Unknown rule `action-vauge`; did you mean `action-vague`? It is ignored.',
      '2:18 `action-overdue` must be one of off, error, warning, info, hint, not "loud"; the rule keeps its default.',
      '4:16 `people` entries must each be a name; 42 is ignored.',
      '5:11 `holidays` entries must each be a date written YYYY-MM-DD; "2026-02-30" is ignored.',
      '5:35 `holidays` entries must each be a date written YYYY-MM-DD; "tomorrow" is ignored.',
      '6:29 The gap for SEV-1 must be a positive number of minutes, not -5; the default stays.',
      '6:33 `SEV-4` is not a severity; use SEV-1, SEV-2, SEV-3 or recovery (after the fix) (did you mean `SEV-1`?). It is ignored.',
    ]);
  });

  it('a file that is not a mapping, or not YAML, gives warnings and no settings', () => {
    const list = readProjectConfig('- rules\n- people\n');
    assert.deepEqual(list.settings, {});
    assert.equal(list.warnings.length, 1);
    assert.match(list.warnings[0].message, /must be a mapping/);
    const broken = readProjectConfig('rules: { action-vague: off\n');
    assert.deepEqual(broken.settings, {});
    assert.ok(broken.warnings.length > 0);
    assert.deepEqual(readProjectConfig('rules: off\n').settings, {});
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = readProjectConfig(text);
        assert.ok(Array.isArray(result.warnings));
      }),
      { numRuns: 300 },
    );
  });

  it('parseProjectConfig gives the settings alone', () => {
    assert.deepEqual(parseProjectConfig('rules: { action-vague: hint }\n'), { rules: { 'action-vague': 'hint' } });
  });

  it('the settings change what lint reports', () => {
    const text = 'id: INC-2026-11-02-001\nstatus: in-review\naction_items:\n  - action: Add a canary stage\n';
    const owner = (settingsText: string) =>
      lintText(text, { settings: mergeSettings(parseProjectConfig(settingsText)) }).diagnostics.filter((d) => d.rule === 'action-owner-missing');
    assert.equal(owner('').map((d) => d.severity)[0], 'error');
    assert.equal(owner('rules: { action-owner-missing: info }\n').map((d) => d.severity)[0], 'info');
    assert.deepEqual(owner('rules: { action-owner-missing: off }\n'), []);
  });
});

describe('.postmortem.yaml timelineGapMinutes.recovery (issue 10, item 7)', () => {
  it('reads a limit for the gaps after the acute phase', () => {
    const { settings, warnings } = readProjectConfig('timelineGapMinutes: { SEV-1: 10, recovery: 1440 }\n');
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.timelineGapMinutes, { 'SEV-1': 10, recovery: 1440 });
  });
});

describe('.postmortem.yaml currency (issue 10, item 1)', () => {
  it('reads the report currency and the rates the user gives', () => {
    const { settings, warnings } = readProjectConfig('currency:\n  report: eur\n  rates: { USD: 0.92, gbp: 1.17 }\n');
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.currency, { report: 'EUR', rates: { USD: 0.92, GBP: 1.17 } });
    assert.deepEqual(mergeSettings(settings).currency, { report: 'EUR', rates: { USD: 0.92, GBP: 1.17 } });
    assert.equal(mergeSettings({}).currency, null);
  });

  it('leaves out a bad rate (that currency stays unconverted) and drops a conversion without a report currency', () => {
    const bad = readProjectConfig('currency:\n  report: EUR\n  rates:\n    USD: -1\n    dollars: 1\n    __proto__: 2\n    GBP: 1.1\n');
    assert.deepEqual(bad.settings.currency, { report: 'EUR', rates: { GBP: 1.1 } });
    assert.deepEqual(bad.warnings.map((w) => [w.range.start.line, w.message.split(';')[0]]), [
      [3, 'The rate for USD must be a positive number, not -1'],
      [4, '`dollars` is not a three-letter currency code'],
      [5, '`__proto__` is not a three-letter currency code'],
    ]);
    const noReport = readProjectConfig('currency: { rates: { USD: 0.9 } }\n');
    assert.equal(noReport.settings.currency, undefined);
    assert.match(noReport.warnings[0].message, /`report` is the three-letter code/);
    assert.match(readProjectConfig('currency: EUR\n').warnings[0].message, /must be a mapping like/);
  });
});

describe('findProjectConfig', () => {
  it('walks up to the nearest config, and not past the repository root', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-config-'));
    try {
      const repo = join(root, 'repo');
      const deep = join(repo, 'services', 'orders', 'postmortems');
      mkdirSync(deep, { recursive: true });
      mkdirSync(join(repo, '.git'));
      // A config above the repository must not be found.
      writeFileSync(join(root, '.postmortem.yaml'), 'rules: { action-vague: off }\n');
      assert.equal(findProjectConfig(deep), undefined);

      writeFileSync(join(repo, '.postmortem.yaml'), 'rules: { action-vague: hint }\npeople: [Priya]\n');
      assert.equal(findProjectConfig(deep), join(repo, '.postmortem.yaml'));
      writeFileSync(join(repo, 'services', '.postmortem.yaml'), 'holidays: [2026-12-25]\n');
      assert.equal(findProjectConfig(deep), join(repo, 'services', '.postmortem.yaml'));

      const loaded = loadProjectConfig(deep);
      assert.equal(loaded.file, join(repo, 'services', '.postmortem.yaml'));
      assert.deepEqual(loaded.settings, { holidays: ['2026-12-25'] });
      assert.deepEqual(loadProjectConfig(root).settings, { rules: { 'action-vague': 'off' } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('findRepositoryRoot', () => {
  it('is the nearest folder holding .git (a folder in a clone, a file in a worktree), else undefined', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-root-'));
    try {
      const repo = join(root, 'repo');
      const deep = join(repo, 'services', 'orders');
      mkdirSync(deep, { recursive: true });
      assert.equal(findRepositoryRoot(deep), undefined);
      mkdirSync(join(repo, '.git'));
      assert.equal(findRepositoryRoot(deep), repo);
      assert.equal(findRepositoryRoot(repo), repo);
      writeFileSync(join(repo, 'services', '.git'), 'gitdir: ../../.git/worktrees/services\n');
      assert.equal(findRepositoryRoot(deep), join(repo, 'services'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
