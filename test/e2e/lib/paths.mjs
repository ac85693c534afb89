import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The fixture workspace that the e2e and UI runs open (a fresh copy each time). */
export const fixtureWorkspace = join(repoRoot, 'test', 'e2e', 'workspace');
export const extensionId = 'postmortems-as-code.postmortems-as-code';
