/** `-` on the command line: the text of standard input, read to its end, no larger than a file may be. */
import { MAX_FILE_BYTES, type ContainedRead } from '../core/safeRead';
import type { CliIO } from './main';

export const STDIN_PATH = '-';

export async function readStandardInput(io: CliIO): Promise<ContainedRead> {
  if (!io.readStdin) return { ok: false, kind: 'error', message: 'standard input is not available' };
  let bytes: Buffer;
  try {
    bytes = await io.readStdin(MAX_FILE_BYTES + 1);
  } catch (error) {
    return { ok: false, kind: 'error', message: (error as Error).message };
  }
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, kind: 'too-large', message: `the text is too large to check (over ${MAX_FILE_BYTES / 1_000_000} MB)` };
  return { ok: true, text: bytes.toString('utf8') };
}
