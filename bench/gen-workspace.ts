/**
 * A workspace of generated post-mortems for the review and workspace benchmarks:
 * the generator's complete document, moved in time over two years and varied in
 * the fields the review and the cross-file rules read (ids, services, category,
 * severity, action statuses, costs). Many incidents share a category and a
 * service, as in a big real repository, so `repeat-incident` has work to do.
 *
 * Usage: node --import tsx bench/gen-workspace.ts <folder> <count>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACTOR_KEYS } from '../src/core/model';
import { generatePostmortem } from './generate';

const SERVICES = Array.from({ length: 24 }, (_, i) => `service-${i}`);
const STATUSES = ['open', 'in-progress', 'done', 'wont-do', 'done'];
const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3'];

/** Post-mortem `i` of `count`: the generator's complete document, moved in time and varied in the fields the review reads. */
export function workspaceVariant(template: string, i: number, count: number): string {
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor((i * 730) / count) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const later = (days: number): string => new Date(day.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  let status = 0;
  return template
    .replace(/^id: .*$/m, `id: INC-${date}-${String(i % 1000).padStart(3, '0')}`)
    .replace(/^services: .*$/m, `services: [${SERVICES[i % SERVICES.length]}, ${SERVICES[(i * 7 + 3) % SERVICES.length]}]`)
    .replace(/^  severity: .*$/m, `  severity: ${SEVERITIES[i % 3]}`)
    .replace(/^  category: .*$/m, `  category: ${FACTOR_KEYS[(i * 3) % FACTOR_KEYS.length]}`)
    .replace(/^  (monitoring|capacity|process): \{ score: \d/gm, (m, key) => `  ${key}: { score: ${(i + key.length) % 4}`)
    .replace(/status: done\n    type/g, () => `status: ${STATUSES[(i + status++) % STATUSES.length]}${STATUSES[(i + status - 1) % STATUSES.length] === 'wont-do' ? '\n    reason: Superseded' : ''}\n    type`)
    .replace(/deadline: 2026-03-05/, `deadline: ${later(3)}`)
    .replace(/deadline: 2026-03-11/, `deadline: ${later(9)}`)
    .replace(/reviewed: 2026-03-04/, `reviewed: ${later(2)}`)
    .replace(/notified: 2026-03-03/, `notified: ${later(1)}`)
    .replace(/2026-03-02T/g, `${date}T`)
    .replace(/revenue_lost: 0/, `revenue_lost: ${(i % 17) * 1000}`);
}

/** Writes `count` post-mortems (pm-00000.pm.yaml, ...) into `dir`. */
export function generateWorkspace(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const template = generatePostmortem(12);
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `pm-${String(i).padStart(5, '0')}.pm.yaml`), workspaceVariant(template, i, count));
  }
}

if (require.main === module) {
  const [dir, countText] = process.argv.slice(2);
  const count = Number(countText);
  if (!dir || !Number.isInteger(count) || count < 0) {
    process.stderr.write('Usage: node --import tsx bench/gen-workspace.ts <folder> <count>\n');
    process.exitCode = 2;
  } else {
    generateWorkspace(dir, count);
    process.stdout.write(`${count} post-mortems in ${dir}\n`);
  }
}
