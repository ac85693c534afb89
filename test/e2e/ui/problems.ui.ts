// Smoke test of what a user sees: a post-mortem with a YAML syntax error puts
// a row in the Problems panel, from our extension, at the position the core
// computes for it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../src/core/lint';
import type { UiContext } from '../lib/ui-context';

const FILE = 'postmortems/broken-syntax.pm.yaml';

export default async function problemsPanelShowsSyntaxError(ctx: UiContext): Promise<void> {
  // The fixture's flow sequence opened on line 5 is never closed.
  const expected = lintText(readFileSync(join(ctx.workspaceDir, FILE), 'utf8')).diagnostics.find((d) => d.rule === 'yaml-syntax');
  assert.ok(expected, 'the core reports a yaml-syntax diagnostic for the fixture');
  // The Problems panel counts lines and columns from 1.
  const position = `[Ln ${expected.range.start.line + 1}, Col ${expected.range.start.character + 1}]`;

  await ctx.openFile(FILE);
  const rows = await ctx.readProblems({ until: (texts) => texts.some((text) => text.includes('yaml-syntax')) });
  await ctx.screenshot('problems-panel');
  ctx.log(`Problems rows: ${JSON.stringify(rows)}`);

  assert.ok(rows.some((text) => text.includes('broken-syntax.pm.yaml')), `no row for the file in ${JSON.stringify(rows)}`);
  const marker = rows.find((text) => text.includes('yaml-syntax'));
  assert.ok(marker, `no yaml-syntax problem in ${JSON.stringify(rows)}`);
  assert.ok(marker.includes(expected.message), `the row shows the core's message "${expected.message}": ${marker}`);
  assert.match(marker, /postmortem/, 'the problem comes from our diagnostic collection');
  assert.ok(marker.includes(position), `the row shows ${position}: ${marker}`);
}
