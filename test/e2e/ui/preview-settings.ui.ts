// The preview uses the settings the Problems panel was linted with: the
// repository's `.postmortem.yaml` (holidays, timeline-gap limits) merged with
// the VS Code settings. With a holiday on 2026-06-02 the P0 item due 2026-06-03
// is inside its window, and a SEV-2 limit of 20 minutes makes the 40-minute
// timeline gap too long; the defaults say the opposite on both counts, so a
// preview that read only the VS Code settings would disagree with the panel.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UiContext } from '../lib/ui-context';

export const timeoutMs = 120_000;

const FILE = 'postmortems/2026-06-01-search-stale-again.pm.yaml';

const POSTMORTEM = `id: INC-2026-06-01-001
title: Search results stale again
status: draft
services: [search]
reviewed: 2026-06-01
summary:
  start: 2026-06-01T10:00:00Z
  end: 2026-06-01T11:00:00Z
  severity: SEV-2
timeline:
  - at: "10:00"
    event: Index job stopped
    kind: trigger
  - at: "10:05"
    event: Stale-results alert fired
    kind: alert
  - at: "10:45"
    event: Index job restarted
    kind: fix-deployed
  - at: "11:00"
    event: Results fresh again
    kind: resolved
action_items:
  - action: Alert when the index job stops writing
    owner: Search team
    deadline: 2026-06-03
    priority: P0
    status: open
`;

export default async function previewUsesRepositorySettings(ctx: UiContext): Promise<void> {
  writeFileSync(join(ctx.workspaceDir, '.postmortem.yaml'), 'holidays: [2026-06-02]\ntimelineGapMinutes: { SEV-2: 20 }\n');
  writeFileSync(join(ctx.workspaceDir, FILE), POSTMORTEM);

  await ctx.openFile(FILE);
  const rows = await ctx.readProblems({ until: (texts) => texts.some((text) => text.includes('timeline-granularity')) });
  ctx.log(`Problems rows: ${JSON.stringify(rows)}`);
  assert.ok(rows.some((text) => text.includes('SEV-2 allows 20 min')), 'the lint uses the gap limit of .postmortem.yaml');
  assert.ok(!rows.some((text) => text.includes('action-deadline-window')), 'the holiday of .postmortem.yaml puts the P0 deadline inside its window');

  await ctx.runCommand('Post-Mortem: Open Preview to the Side');
  const frame = await ctx.frameWith('.action-row', { timeoutMs: 30_000 });
  await ctx.screenshot('preview-with-repository-settings');
  const gap = (await frame.locator('.tl-gap.gap-long').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(gap, ['⚠ 40m without an entry (SEV-2 allows 20m)'], 'the preview flags the same gap as the Problems panel');
  assert.equal(await frame.locator('.action-row.outside-window').count(), 0, 'the preview counts the holiday, as the Problems panel does');
  assert.equal(await frame.locator('.action-row').count(), 1);
}
