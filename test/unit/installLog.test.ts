// `npm start` (issue 10, item 13): a cold code-server install printed ~260 lines of npm and node-gyp
// noise before the URL. The install's commands now write to a log file it names; only progress reaches the terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type RunLogged = (command: string, args: string[], options: { logFile: string; log: (line: string) => void }) => Promise<number>;
/** A plain .mjs script (no types): loaded through a variable path so TypeScript does not look for declarations. */
const SCRIPT = '../../scripts/install-code-server.mjs';
const loadRunLogged = async (): Promise<RunLogged> => ((await import(SCRIPT)) as { runLogged: RunLogged }).runLogged;

/** Runs `script` with runLogged into a fresh log file; what the terminal got, the exit code and the log. */
async function runScript(script: string): Promise<{ code: number; said: string[]; log: string; logFile: string }> {
  const runLogged = await loadRunLogged();
  const dir = mkdtempSync(join(tmpdir(), 'pm-install-log-'));
  try {
    const logFile = join(dir, 'install.log');
    const said: string[] = [];
    const code = await runLogged(process.execPath, ['-e', script], { logFile, log: (line: string) => said.push(line) });
    return { code, said, log: readFileSync(logFile, 'utf8'), logFile };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NOISY = "for (let i = 0; i < 260; i++) console.log('gyp ERR! connect ENETUNREACH ' + i); console.error('npm warn config unsafe-perm');";

test('runLogged keeps the install noise in the log file and out of the terminal', async () => {
  const { code, said, log } = await runScript(NOISY);
  assert.equal(code, 0);
  assert.deepEqual(said, [], 'a quick, successful step prints nothing');
  assert.equal(log.match(/^gyp ERR!/gm)?.length, 260);
  assert.match(log, /npm warn config unsafe-perm/);
});

test('runLogged shows the last lines of the log, and where it is, when the step fails', async () => {
  const { code, said, logFile } = await runScript(`${NOISY} process.exit(3);`);
  assert.equal(code, 3);
  assert.equal(said.length, 1);
  assert.ok(said[0].includes(`failed (exit 3); the last lines of ${logFile}:`), said[0]);
  assert.match(said[0], /npm warn config unsafe-perm$/);
  assert.ok(said[0].split('\n').length <= 32, 'only the tail, not the whole log');
});
