// `postmortem ... | head`: the reader closes the pipe early. The command ends quietly with status 0
// (as cat and grep do), with no EPIPE stack trace on stderr.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { CLI, CLEAN, TIME_BOUND_MS, hostileWorld, type HostileWorld } from './helpers';

/** 150 files take a few seconds to lint on a busy machine: the usual bound, tripled, still only guards against a hang. */
const PIPE_TIME_BOUND_MS = TIME_BOUND_MS * 3;

let world: HostileWorld;
beforeEach(() => {
  world = hostileWorld();
  // Enough findings for about 1 MB of output, far more than a pipe buffers (64 KB), so the writer
  // is always still writing when the reader closes (the cross-file messages alone are short now).
  const unknownKeys = Array.from({ length: 40 }, (_, i) => `unknown_key_${i}: x`).join('\n');
  const broken = `${CLEAN.replace('severity: SEV-2', 'severity: SEV-9').replace(/^id: .*$/m, 'id: not-an-id')}\n${unknownKeys}\n`;
  for (let i = 0; i < 150; i++) world.write(`postmortems/p${String(i).padStart(3, '0')}.pm.yaml`, broken);
});
afterEach(() => world.cleanup());

/** Runs the CLI, reads its first chunk of stdout, then closes the pipe like `head -1` does. */
function runClosedEarly(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: world.repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let firstChunk = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the command did not end after its stdout closed'));
    }, PIPE_TIME_BOUND_MS);
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.stdout.once('data', (chunk: Buffer) => {
      firstChunk = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, firstChunk });
    });
  });
}

describe('stdout closed early', { skip: process.platform === 'win32' ? 'EPIPE is a POSIX pipe error' : false }, () => {
  for (const args of [['lint'], ['lint', '--format', 'github'], ['review', '--format', 'json']]) {
    test(`${args.join(' ')} | head: exit 0, nothing on stderr`, async () => {
      const run = await runClosedEarly(args);
      assert.ok(run.firstChunk.length > 0);
      assert.equal(run.stderr, '');
      assert.equal(run.signal, null);
      assert.equal(run.code, 0);
    });
  }
});
