/**
 * Our language server in an editor nobody here wrote: Neovim's built-in LSP
 * client (Debian's `neovim`, headless) opens a post-mortem, receives the
 * diagnostics at the exact positions the CLI reports, applies a quick fix
 * through its own workspace-edit code, and gets completion.
 * The client side is test/lsp/neovim-client.lua: plain Neovim API calls, as a
 * user's config makes them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintText } from '../../src/core/lint';
import { applyEdits } from '../../src/core/fix';
import type { Diagnostic } from '../../src/core/types';

const ROOT = join(__dirname, '../..');
const SERVER = join(ROOT, 'dist/server.js');
const CLI = join(ROOT, 'dist/cli.js');
const DRAFT = join(ROOT, 'examples/drafts/2026-11-20-payment-retries.pm.yaml');
const VIM_SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

interface SeenDiagnostic {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: number;
  message: string;
  source?: string;
  code?: string;
}

interface NeovimRun {
  steps: string[];
  error?: string;
  diagnostics?: SeenDiagnostic[];
  actionTitles?: string[];
  textAfterFix?: string;
  diagnosticsAfterFixSettled?: boolean;
  diagnosticsAfterFix?: SeenDiagnostic[];
  completionLabels?: string[];
}

/** Neovim counts columns in bytes; the protocol and our core in UTF-16 code units. */
function byteColumn(lines: string[], line: number, character: number): number {
  return Buffer.byteLength((lines[line] ?? '').slice(0, character), 'utf8');
}

function sortKey(d: SeenDiagnostic): string {
  return `${String(d.line).padStart(6, '0')}:${String(d.character).padStart(6, '0')}:${d.code}:${d.message}`;
}

test('Neovim LSP client: diagnostics at exact positions, a quick fix applied, completion', { timeout: 180_000 }, () => {
  assert.ok(existsSync(SERVER), 'dist/server.js is missing: run `node scripts/build.mjs` first');
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(nvim.status, 0, 'Neovim is not installed (Debian package `neovim`; .ci/run installs it)');

  const project = mkdtempSync(join(tmpdir(), 'pm-nvim-'));
  try {
    mkdirSync(join(project, 'postmortems'));
    const file = join(project, 'postmortems', 'draft.pm.yaml');
    copyFileSync(DRAFT, file);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');

    // What the CLI, the other host of the same core, reports for this file.
    const cli = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', 'postmortems/draft.pm.yaml'], { cwd: project, encoding: 'utf8' });
    const reported = JSON.parse(cli.stdout) as { diagnostics: Diagnostic[] }[];
    const expected: SeenDiagnostic[] = reported[0].diagnostics.map((d) => ({
      line: d.range.start.line,
      character: byteColumn(lines, d.range.start.line, d.range.start.character),
      endLine: d.range.end.line,
      endCharacter: byteColumn(lines, d.range.end.line, d.range.end.character),
      severity: VIM_SEVERITY[d.severity],
      message: d.message,
      source: 'postmortem',
      code: d.rule,
    }));
    assert.ok(expected.length >= 5, `the draft has findings to show (${expected.length})`);

    // The quick fix to apply: the first safe one the core offers, and the text it must give.
    const withFix = lintText(text).diagnostics.find((d) => d.fixes?.some((f) => f.safe && f.edits.length > 0));
    assert.ok(withFix, 'the draft has a finding with a safe quick fix');
    const fix = withFix.fixes!.find((f) => f.safe && f.edits.length > 0)!;
    const fixedText = applyEdits(text, fix.edits);
    const statusLine = lines.findIndex((l) => l.startsWith('status:'));

    const out = join(project, 'nvim-result.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(__dirname, 'neovim-client.lua')}`], {
      cwd: project,
      encoding: 'utf8',
      timeout: 150_000,
      killSignal: 'SIGKILL',
      env: {
        ...process.env,
        PM_NVIM_OUT: out,
        PM_SERVER: SERVER,
        PM_FILE: file,
        PM_FIX_TITLE: fix.title,
        PM_FIX_MESSAGE: withFix.message,
        PM_FIX_LINE: String(withFix.range.start.line),
        PM_FIX_CHARACTER: String(withFix.range.start.character),
        PM_STATUS_LINE: String(statusLine),
        XDG_CONFIG_HOME: join(project, 'xdg-config'),
        XDG_DATA_HOME: join(project, 'xdg-data'),
        XDG_STATE_HOME: join(project, 'xdg-state'),
        XDG_CACHE_HOME: join(project, 'xdg-cache'),
      },
    });
    assert.ok(existsSync(out), `Neovim wrote no result (exit ${run.status}, signal ${run.signal}): ${run.stderr.slice(0, 2000)}`);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as NeovimRun;
    assert.equal(seen.error, undefined, `the Neovim client failed after steps [${seen.steps.join(', ')}]: ${seen.error}`);

    // Exactly the CLI's findings, at the same places, with rule codes and our source.
    assert.deepEqual(seen.diagnostics!.map((d) => ({ ...d })).sort((a, b) => sortKey(a).localeCompare(sortKey(b))), expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));

    // The quick fix, applied by Neovim's own workspace-edit code, gives the core's text.
    assert.ok(seen.actionTitles!.includes(fix.title), `code actions offered: ${seen.actionTitles!.join(' | ')}`);
    assert.equal(seen.textAfterFix, fixedText.replace(/\n$/, ''));
    assert.equal(seen.diagnosticsAfterFixSettled, true, 'the server re-linted the fixed text');
    assert.ok(
      !seen.diagnosticsAfterFix!.some((d) => d.code === withFix.rule && d.message === withFix.message),
      `the fixed finding (${withFix.rule}: ${withFix.message}) is gone`,
    );

    // Completion of the status enum.
    for (const label of ['draft', 'in-review', 'reviewed', 'closed']) assert.ok(seen.completionLabels!.includes(label), `completion offers ${label}: got ${seen.completionLabels!.join(', ')}`);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
