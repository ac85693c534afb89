import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const FIXTURES = join(__dirname, '..', 'fixtures', 'review');

async function run(args: string[], cwd = FIXTURES): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['review', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const CONTRACT_KEYS = [
  'quarter',
  'incidents',
  'by_severity',
  'time_to_detect_minutes',
  'time_to_resolve_minutes',
  'action_completion_rate',
  'overdue_actions',
  'top_root_causes',
  'repeat_incidents',
  'cost_total',
  'cost_change_pct',
];

describe('postmortem review --format json', () => {
  it('prints the figures of every quarter of postmortems/ by default, gaps included', async () => {
    const { code, stdout, stderr } = await run(['--today', '2026-10-15', '--format', 'json']);
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout);
    assert.deepEqual(Object.keys(out), ['quarters', 'skipped', 'cost_currency', 'conversion', 'include_drafts', 'drafts_left_out']);
    assert.equal(out.cost_currency, 'USD');
    assert.deepEqual(out.quarters.map((q: { quarter: string }) => q.quarter), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    for (const q of out.quarters) assert.deepEqual(Object.keys(q).slice(0, CONTRACT_KEYS.length), CONTRACT_KEYS);
    const pick = (q: Record<string, unknown>) => Object.fromEntries(CONTRACT_KEYS.map((k) => [k, q[k]]));
    assert.deepEqual(pick(out.quarters[0]), {
      quarter: '2026-Q1',
      incidents: 2, // the 2026-03-31T23:30-05:00 incident is Q1 on its own clock
      by_severity: { 'SEV-1': 1, 'SEV-2': 1, 'SEV-3': 0 },
      time_to_detect_minutes: { mean: 20, median: 20, p90: 30, n: 2 },
      time_to_resolve_minutes: { mean: 90, median: 90, p90: 120, n: 2 },
      action_completion_rate: 0.3333,
      overdue_actions: 1,
      top_root_causes: ['capacity'],
      repeat_incidents: [['INC-2026-01-10-001', 'INC-2026-03-31-001']],
      cost_total: 1500,
      cost_change_pct: null,
    });
    assert.deepEqual(pick(out.quarters[1]), {
      quarter: '2026-Q2',
      incidents: 2,
      by_severity: { 'SEV-1': 0, 'SEV-2': 1, 'SEV-3': 1 },
      time_to_detect_minutes: { mean: 30, median: 30, p90: 40, n: 2 },
      time_to_resolve_minutes: { mean: 60, median: 60, p90: 90, n: 2 },
      action_completion_rate: 0.3333,
      overdue_actions: 1,
      top_root_causes: ['monitoring', 'testing'], // a tie, broken by summed factor scores 4 vs 3
      repeat_incidents: [],
      cost_total: 3000,
      cost_change_pct: 100,
    });
    assert.deepEqual(pick(out.quarters[2]), {
      quarter: '2026-Q3',
      incidents: 0,
      by_severity: { 'SEV-1': 0, 'SEV-2': 0, 'SEV-3': 0 },
      time_to_detect_minutes: { mean: null, median: null, p90: null, n: 0 },
      time_to_resolve_minutes: { mean: null, median: null, p90: null, n: 0 },
      action_completion_rate: null,
      overdue_actions: 0,
      top_root_causes: [],
      repeat_incidents: [],
      cost_total: null,
      cost_change_pct: null,
    });
    assert.equal(out.quarters[3].time_to_detect_minutes.n, 0);
    assert.equal(out.quarters[3].cost_total, 2000);
    assert.deepEqual(out.skipped, [
      { file: 'postmortems/broken.pm.yaml', reason: out.skipped[0].reason },
      { file: 'postmortems/no-start.pm.yaml', reason: 'summary.start is missing, so the incident has no quarter' },
    ]);
    assert.match(out.skipped[0].reason, /^line \d+: /);
  });

  it('counts overdue items against --today', async () => {
    const out = JSON.parse((await run(['--today', '2026-01-20', '--format=json'])).stdout);
    assert.equal(out.quarters[0].overdue_actions, 0);
    assert.equal(out.quarters[1].overdue_actions, 0);
  });

  it('reviews one quarter with --quarter, still against the quarter before', async () => {
    const out = JSON.parse((await run(['postmortems', '--quarter', '2026-Q2', '--today', '2026-10-15', '--format', 'json'])).stdout);
    assert.deepEqual(out.quarters.map((q: { quarter: string; cost_change_pct: number }) => [q.quarter, q.cost_change_pct]), [['2026-Q2', 100]]);
  });

  it('takes files and folders as paths', async () => {
    const out = JSON.parse((await run(['postmortems/2026/INC-2026-05-02-001.pm.yaml', 'postmortems/broken.pm.yaml', '--format', 'json', '--today', '2026-10-15'])).stdout);
    assert.deepEqual(out.quarters.map((q: { quarter: string; incidents: number }) => [q.quarter, q.incidents]), [['2026-Q2', 1]]);
    assert.equal(out.skipped.length, 1);
  });

  it('lists a repeat of an incident of an earlier quarter in the quarter it came back in, also with --quarter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-review-'));
    const pm = (id: string, start: string, services: string): string =>
      `id: ${id}\ntitle: Orders database outage\nstatus: reviewed\nservices: [${services}]\nsummary:\n  start: ${start}\n  end: ${start.replace('T10', 'T11')}\n  severity: SEV-2\nroot_cause:\n  category: capacity\n`;
    try {
      mkdirSync(join(dir, 'postmortems'));
      writeFileSync(join(dir, 'postmortems', 'a.pm.yaml'), pm('INC-2026-03-20-001', '2026-03-20T10:00Z', 'orders-db'));
      writeFileSync(join(dir, 'postmortems', 'b.pm.yaml'), pm('INC-2026-04-02-001', '2026-04-02T10:00+02:00', 'checkout, orders-db'));
      const all = JSON.parse((await run(['--format', 'json', '--today', '2026-10-15'], dir)).stdout);
      assert.deepEqual(all.quarters.map((q: { quarter: string; repeat_incidents: unknown }) => [q.quarter, q.repeat_incidents]), [
        ['2026-Q1', []],
        ['2026-Q2', [['INC-2026-03-20-001', 'INC-2026-04-02-001']]],
      ]);
      const one = JSON.parse((await run(['--quarter', '2026-Q2', '--format', 'json', '--today', '2026-10-15'], dir)).stdout);
      assert.deepEqual(one.quarters[0].repeat_incidents, [['INC-2026-03-20-001', 'INC-2026-04-02-001']]);
      const markdown = (await run(['--today', '2026-10-15'], dir)).stdout;
      assert.match(markdown, /## 2026-Q2[\s\S]*### Repeat incidents[\s\S]*- INC-2026-03-20-001, repeated by INC-2026-04-02-001/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints an empty review for a folder without post-mortems', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pm-review-'));
    try {
      const { code, stdout } = await run(['.', '--format', 'json'], empty);
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(stdout), { quarters: [], skipped: [], cost_currency: null, conversion: null, include_drafts: false, drafts_left_out: [] });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('postmortem review: drafts and currencies (issue 10, items 1, 2, 4)', () => {
  const pm = (id: string, status: string, start: string, cost: string): string =>
    `id: ${id}\ntitle: T\nstatus: ${status}\nservices: [api]\nsummary:\n  start: ${start}\n  end: ${start.replace('T10', 'T11')}\n  severity: SEV-2\n  detection: { method: monitoring, first_alert: ${start} }\n${cost}`;
  const project = (files: Record<string, string>, config?: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-review-'));
    mkdirSync(join(dir, 'postmortems'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'postmortems', name), text);
    if (config !== undefined) writeFileSync(join(dir, '.postmortem.yaml'), config);
    return dir;
  };

  it('leaves a fresh draft out of the figures, says so, and counts it with --include-drafts', async () => {
    const dir = project({
      'a.pm.yaml': pm('INC-2026-07-01-001', 'reviewed', '2026-07-01T10:00:00Z', 'cost: { currency: USD, revenue_lost: 500 }\n'),
      'b.pm.yaml': pm('INC-2026-10-01-001', 'draft', '2026-10-01T10:00:00Z', 'cost: { currency: USD, revenue_lost: 0, engineering_hours: 0, loaded_rate: 0 }\n'),
    });
    try {
      const out = JSON.parse((await run(['--format', 'json', '--today', '2026-11-28'], dir)).stdout);
      assert.deepEqual(out.quarters.map((q: { quarter: string }) => q.quarter), ['2026-Q3']);
      assert.deepEqual(out.drafts_left_out, [{ id: 'INC-2026-10-01-001', file: 'postmortems/b.pm.yaml', status: 'draft' }]);
      const markdown = (await run(['--today', '2026-11-28'], dir)).stdout;
      assert.match(markdown, /1 draft is not counted in any figure \(`--include-drafts` counts them\): INC-2026-10-01-001/);
      const all = JSON.parse((await run(['--format', 'json', '--today', '2026-11-28', '--include-drafts'], dir)).stdout);
      const q4 = all.quarters[1];
      // The draft's placeholder times and zero cost: its detect time counts, its cost is "not estimated", never $0.
      assert.deepEqual([q4.quarter, q4.incidents, q4.cost_total, q4.cost_change_note], ['2026-Q4', 1, null, 'no cost in USD this quarter']);
      assert.deepEqual(q4.cost_left_out.map((l: { reason: string }) => l.reason), ['cost not estimated: every amount is 0 or not given']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('converts with the rates of .postmortem.yaml, and reports a bad rate on stderr', async () => {
    const dir = project(
      {
        'a.pm.yaml': pm('INC-2026-07-01-001', 'closed', '2026-07-01T10:00:00Z', 'cost: { currency: USD, revenue_lost: 1000 }\n'),
        'b.pm.yaml': pm('INC-2026-08-01-001', 'closed', '2026-08-01T10:00:00Z', 'cost: { currency: EUR, revenue_lost: 100 }\n'),
      },
      'currency: { report: EUR, rates: { USD: 0.9, GBP: -1 } }\n',
    );
    try {
      const { stdout, stderr } = await run(['--format', 'json', '--today', '2026-11-28'], dir);
      const out = JSON.parse(stdout);
      assert.deepEqual([out.cost_currency, out.quarters[0].cost_total, out.quarters[0].cost_n], ['EUR', 1000, 2]);
      assert.match(stderr, /\.postmortem\.yaml:1:\d+ The rate for GBP must be a positive number/);
      const markdown = (await run(['--today', '2026-11-28'], dir)).stdout;
      assert.match(markdown, /Costs are in EUR, converted with the rates in \.postmortem\.yaml \(1 USD = 0\.9 EUR\)/);
      assert.match(markdown, /- \*\*Cost \(EUR\):\*\* total €1,000\.00, mean €500\.00 per incident with a cost \(n = 2\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('postmortem review --format markdown', () => {
  it('is the default and reads as a report', async () => {
    const { code, stdout } = await run(['--today', '2026-10-15']);
    assert.equal(code, 0);
    assert.match(stdout, /^# Quarterly incident review\n/);
    assert.match(stdout, /\| 2026-Q2 \| 2 \| 30m \| 1h \| 33\.3% \| \$3,000\.00 \| \+100% \|/);
    assert.match(stdout, /## 2026-Q3\n\nNo incidents this quarter\./);
    assert.match(stdout, /- INC-2026-01-10-001, repeated by INC-2026-03-31-001/);
    assert.match(stdout, /\| INC-2026-06-20-001 \| Test the export across the daylight-saving change \| Billing team \| 2026-07-01 \| 106 \|/);
    assert.match(stdout, /> \*\*Note:\*\* Only 2 incidents this quarter/);
    assert.match(stdout, /## Skipped files[\s\S]*\| postmortems\/no-start\.pm\.yaml \| summary\.start is missing/);
  });

  it('escapes what the documents say, so it cannot inject HTML, links or table cells', async () => {
    const { stdout } = await run(['hostile', '--today', '2026-10-15']);
    assert.doesNotMatch(stdout, /<script|<img|<a |<svg|<iframe/);
    assert.ok(stdout.includes('&lt;a href="javascript:window.\\_\\_pwned = 5"&gt;click&lt;/a&gt; \\| \\] \\) \\*bold\\* \\`code\\`'), stdout);
    // Every table row keeps its column count: an escaped | is not a separator.
    const overdueRow = stdout.split('\n').find((l) => l.includes('pwned = 5'))!;
    assert.equal(overdueRow.split(/(?<!\\)\|/).length - 2, 5);
  });
});

describe('postmortem review --format html', () => {
  it('is one self-contained page with a strict CSP and no script', async () => {
    const { code, stdout } = await run(['--today', '2026-10-15', '--format', 'html']);
    assert.equal(code, 0);
    assert.match(stdout, /^<!DOCTYPE html>/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(stdout)?.[1];
    assert.match(csp ?? '', /^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+';$/);
    assert.doesNotMatch(stdout, /<script/);
    assert.match(stdout, /<style nonce="[^"]+">[\s\S]*\.heatmap/);
    assert.match(stdout, /<section class="quarter" id="q-2026-Q1"/);
    assert.doesNotMatch(stdout, / hidden>/); // a static page shows every quarter
  });

  it('escapes hostile strings', async () => {
    const { stdout } = await run(['hostile', '--today', '2026-10-15', '--format', 'html']);
    assert.doesNotMatch(stdout, /<script>window/);
    assert.doesNotMatch(stdout, /<img src=x/);
    assert.match(stdout, /INC-2026-07-01-001&lt;script&gt;window.__pwned = 1&lt;\/script&gt;/);
  });
});

describe('postmortem review: paths that cannot be read (as lint does)', () => {
  it('names a missing path on stderr, still reviews the rest, exits 2', async () => {
    const { code, stdout, stderr } = await run(['no/such/folder', 'postmortems', '--today', '2026-10-15', '--format', 'json']);
    assert.equal(code, 2, 'the review is not complete');
    assert.equal(stderr, 'postmortem review: cannot read no/such/folder: no such file or directory\n');
    const out = JSON.parse(stdout);
    assert.deepEqual(out.quarters.map((q: { quarter: string; incidents: number }) => [q.quarter, q.incidents]), [['2026-Q1', 2], ['2026-Q2', 2], ['2026-Q3', 0], ['2026-Q4', 1]]);
  });

  it('names every missing path, in the order given', async () => {
    const { code, stderr } = await run(['gone-1', 'postmortems/broken.pm.yaml', 'gone-2.pm.yaml', '--format', 'json']);
    assert.equal(code, 2);
    assert.deepEqual(stderr.trimEnd().split('\n'), [
      'postmortem review: cannot read gone-1: no such file or directory',
      'postmortem review: cannot read gone-2.pm.yaml: no such file or directory',
    ]);
  });

  it('a dangling link found in a folder: named on stderr, listed as skipped, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-review-'));
    try {
      mkdirSync(join(dir, 'postmortems'));
      writeFileSync(join(dir, 'postmortems', 'a.pm.yaml'), readFileSync(join(FIXTURES, 'postmortems', '2026', 'INC-2026-05-02-001.pm.yaml'), 'utf8'));
      symlinkSync(join(dir, 'gone.yaml'), join(dir, 'postmortems', 'b.pm.yaml'));
      const { code, stdout, stderr } = await run(['--format', 'json', '--today', '2026-10-15'], dir);
      assert.equal(code, 2);
      assert.equal(stderr, 'postmortem review: cannot read postmortems/b.pm.yaml: no such file or directory\n');
      const out = JSON.parse(stdout);
      assert.deepEqual(out.skipped, [{ file: 'postmortems/b.pm.yaml', reason: 'cannot be read: no such file or directory' }]);
      assert.equal(out.quarters.reduce((n: number, q: { incidents: number }) => n + q.incidents, 0), 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('postmortem review usage errors', () => {
  for (const args of [
    ['--format', 'xml'],
    ['--format'],
    ['--quarter', '2026-Q5'],
    ['--quarter', '2026/3'],
    ['--today', '2026-02-30'],
    ['--frobnicate'],
  ]) {
    it(`exits 2 for ${args.join(' ')}`, async () => {
      const { code, stdout, stderr } = await run(args);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /^postmortem review: /);
    });
  }

  it('exits 2 when there is no postmortems/ folder and no path', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pm-review-'));
    try {
      const { code, stderr } = await run([], empty);
      assert.equal(code, 2);
      assert.match(stderr, /postmortems\//);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('prints help with exit 0', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--quarter YYYY-Qn/);
  });
});
