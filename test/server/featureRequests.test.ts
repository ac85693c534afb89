// The custom requests the preview, export, review, status bar, tree and New Post-Mortem ask the built
// server (dist/server.js) for (src/server/featureProtocol.ts), over the protocol as the extension sends them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DID_CHANGE_INDEX_NOTIFICATION,
  EXPORT_REQUEST,
  NEW_POSTMORTEM_REQUEST,
  PATH_AT_REQUEST,
  PREVIEW_REQUEST,
  RANGE_OF_REQUEST,
  REVIEW_REQUEST,
  type ExportResult,
  type NewPostmortemResult,
  type PreviewResult,
  type ReviewResult,
  type WireRange,
} from '../../src/server/featureProtocol';
import { CLEAN, CLEAN_NAME, DRAFT, DRAFT_NAME, repoRoot, tempWorkspace, TestClient, WAIT_MS } from './client';

const OUTAGE_NAME = '2026-04-14-orders-database-outage.pm.yaml';
const OUTAGE = readFileSync(join(repoRoot, 'examples', 'postmortems', OUTAGE_NAME), 'utf8');
const PAGE = { nonce: 'TESTNONCE', cspSource: 'vscode-webview://test', styleUri: 'vscode-webview://test/preview.css', scriptUri: 'vscode-webview://test/preview.js' };

describe('language server feature requests (preview, export, review, New Post-Mortem)', () => {
  const workspace = tempWorkspace({ [`postmortems/${OUTAGE_NAME}`]: OUTAGE, [`postmortems/${CLEAN_NAME}`]: CLEAN, [`drafts/${DRAFT_NAME}`]: DRAFT });
  const outage = workspace.uri(`postmortems/${OUTAGE_NAME}`);
  let client: TestClient;
  const indexChanges: number[] = [];
  before(async () => {
    client = await TestClient.start(workspace.folderUri);
    client.connection.onNotification(DID_CHANGE_INDEX_NOTIFICATION, () => void indexChanges.push(Date.now()));
    await client.scanEnded();
  });
  after(async () => {
    await client.stop();
    workspace.cleanup();
  });

  it('postmortem/preview renders the page with its CSP and nonce, and the computed total cost', async () => {
    await client.open(outage, OUTAGE, 3);
    const page = await client.connection.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri: outage, page: PAGE });
    assert.ok(page);
    assert.equal(page.version, 3);
    assert.equal(page.id, 'INC-2026-04-14-001');
    assert.match(page.html, /^<!DOCTYPE html>/);
    assert.match(page.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-TESTNONCE'/);
    assert.match(page.html, /<script nonce="TESTNONCE" src="vscode-webview:\/\/test\/preview\.js"><\/script>/);
    assert.match(page.html, /data-figure="cost-total">\$464,580\.00</);
    const body = await client.connection.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri: outage });
    assert.doesNotMatch(body?.html ?? '', /<!DOCTYPE|<script/);
    assert.match(body?.html ?? '', /data-figure="cost-total">\$464,580\.00</);
    await client.close(outage);
  });

  it('postmortem/preview escapes what the document says, and follows an unsaved edit', async () => {
    const hostile = workspace.uri('postmortems/hostile.pm.yaml');
    const text = OUTAGE.replace(/^title: .*$/m, 'title: "<script>alert(1)</script><img src=x onerror=alert(2)>"');
    await client.open(hostile, text, 1);
    const page = await client.connection.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri: hostile, page: PAGE });
    assert.ok(page);
    assert.doesNotMatch(page.html, /<script>alert|<img src=x/);
    assert.match(page.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
    // 388,000 revenue lost becomes 400,000: the total moves by 12,000 before any save.
    const line = text.split('\n').findIndex((l) => /^\s+revenue_lost: 388000\s*$/.test(l));
    const column = text.split('\n')[line].indexOf('388000');
    await client.change(hostile, 2, [{ range: { start: { line, character: column }, end: { line, character: column + 6 } }, text: '400000' }]);
    const edited = await client.connection.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri: hostile });
    assert.equal(edited?.version, 2);
    assert.match(edited?.html ?? '', /data-figure="cost-total">\$476,580\.00</);
    await client.close(hostile);
  });

  it('postmortem/export renders a file no editor has open: Markdown, and HTML with the given stylesheet inline and no script', async () => {
    const markdown = await client.connection.sendRequest<ExportResult | null>(EXPORT_REQUEST, { uri: outage, format: 'markdown' });
    assert.match(markdown?.content ?? '', /^# INC-2026-04-14-001 — Orders database stopped accepting writes/);
    assert.match(markdown?.content ?? '', /^## Action items$/m);
    const html = await client.connection.sendRequest<ExportResult | null>(EXPORT_REQUEST, { uri: outage, format: 'html', css: '.marker-css { color: red }' });
    assert.match(html?.content ?? '', /^<!DOCTYPE html>/);
    assert.match(html?.content ?? '', /<style>[^<]*\.marker-css \{ color: red \}/);
    assert.doesNotMatch(html?.content ?? '', /<script/i);
    assert.equal(await client.connection.sendRequest(EXPORT_REQUEST, { uri: workspace.uri('postmortems/missing.pm.yaml'), format: 'markdown' }), null);
  });

  it('postmortem/pathAt and postmortem/rangeOf map between the text and the report', async () => {
    await client.open(outage, OUTAGE, 1);
    const lines = OUTAGE.split('\n');
    const revenue = lines.findIndex((l) => /^\s+revenue_lost: 388000\s*$/.test(l));
    const offset = lines.slice(0, revenue).reduce((n, l) => n + l.length + 1, 0) + lines[revenue].indexOf('388000');
    assert.equal(await client.connection.sendRequest(PATH_AT_REQUEST, { uri: outage, offset }), 'cost.revenue_lost');
    const title = await client.connection.sendRequest<WireRange | null>(RANGE_OF_REQUEST, { uri: outage, dataPath: 'title' });
    assert.deepEqual(title, { start: { line: 2, character: 7 }, end: { line: 2, character: lines[2].length } });
    const start = await client.connection.sendRequest<WireRange | null>(RANGE_OF_REQUEST, { uri: outage, dataPath: '' });
    // The document's start is its first line of content, after the leading comment.
    assert.deepEqual(start?.start, { line: lines.findIndex((l) => !l.startsWith('#')), character: 0 });
    const deadline = await client.connection.sendRequest<WireRange | null>(RANGE_OF_REQUEST, { uri: outage, segments: ['action_items', 0, 'deadline'] });
    assert.equal(deadline?.start.line, lines.findIndex((l) => l === '    deadline: 2026-04-17'));
    assert.equal(deadline?.start.character, '    deadline: '.length);
    await client.close(outage);
  });

  it('postmortem/review counts the workspace index, renders the dashboard, and the server says when the index changed', async () => {
    const review = await client.connection.sendRequest<ReviewResult | null>(REVIEW_REQUEST, { includeDrafts: false, waitForScan: true, render: 'page', page: PAGE });
    assert.ok(review);
    assert.equal(review.files, 3);
    assert.deepEqual(review.incidents.map((i) => i.id).sort(), ['INC-2026-04-14-001', 'INC-2026-06-09-001', 'INC-2026-11-20-001']);
    // Every action item of the examples is done or wont-do but the draft's two.
    assert.deepEqual(review.openItems.map((i) => [i.id, i.index]), [
      ['INC-2026-11-20-001', 0],
      ['INC-2026-11-20-001', 1],
    ]);
    assert.equal(review.openCount, 2);
    // Only the figures, for a status bar: the lists come back empty.
    const counts = await client.connection.sendRequest<ReviewResult | null>(REVIEW_REQUEST, { includeDrafts: false, countsOnly: true });
    assert.deepEqual(counts, { files: 3, openCount: 2, overdueCount: review.overdueCount, openItems: [], incidents: [], skipped: [] });
    assert.match(review.html ?? '', /id="quarter-picker"/);
    assert.match(review.html ?? '', /script-src 'nonce-TESTNONCE'/);
    const body = await client.connection.sendRequest<ReviewResult | null>(REVIEW_REQUEST, { includeDrafts: true, render: 'body', selected: '2026-Q2' });
    assert.doesNotMatch(body?.html ?? '', /<!DOCTYPE|<script/);

    // The draft's first item marked done in an editor: the server says so, and counts one open item.
    const draft = workspace.uri(`drafts/${DRAFT_NAME}`);
    const before = indexChanges.length;
    const edited = DRAFT.replace(/(- action: Monitoring for duplicate charges\n(?: {4}\S.*\n)*? {4}status: )open/, '$1done');
    assert.notEqual(edited, DRAFT);
    await client.open(draft, edited, 1);
    const deadline = Date.now() + WAIT_MS;
    while (indexChanges.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(indexChanges.length > before, 'postmortem/didChangeIndex after the edit');
    const after = await client.connection.sendRequest<ReviewResult | null>(REVIEW_REQUEST, { includeDrafts: false });
    assert.deepEqual(after?.openItems.map((i) => i.index), [1]);
    assert.equal(after?.html, undefined);
    await client.close(draft);
  });

  it('postmortem/newPostmortem plans the next free id and file name of a folder', async () => {
    const plan = await client.connection.sendRequest<NewPostmortemResult | null>(NEW_POSTMORTEM_REQUEST, {
      title: 'Queue backlog after failover',
      severity: 'SEV-2',
      date: '2026-04-14',
      now: '2026-04-14T10:00:00+02:00',
      existing: [{ name: OUTAGE_NAME, text: OUTAGE }, { name: '2026-04-14-queue-backlog-after-failover.pm.yaml' }],
    });
    assert.equal(plan?.id, 'INC-2026-04-14-002');
    assert.equal(plan?.fileName, '2026-04-14-queue-backlog-after-failover-2.pm.yaml');
    assert.match(plan?.text ?? '', /^id: INC-2026-04-14-002$/m);
    assert.match(plan?.text ?? '', /^  severity: SEV-2 /m);
  });
});
