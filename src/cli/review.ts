import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CliIO } from './main';
import { UsageError, defineCommand, isoDateOption, oneOf, readCommandLine } from './args';
import { todayDate } from '../core/time';
import { escapeOutput, printable } from '../core/excerpt';
import { renderReviewPage } from '../review/html';
import { findPostmortems } from './findFiles';
import { findRepositoryRoot, loadProjectConfig } from '../core/projectConfig';
import { PROJECT_CONFIG_FILE } from '../core/config';
import { displayName, loadStore } from '../review/load';
import { renderReviewMarkdown } from '../review/markdown';
import { isQuarter } from '../review/quarter';
import { collectFacts, reviewFromFacts, type Review, type ReviewOptions } from '../review/review';
import { formatCsv, formatNdjson, reviewRows } from './reviewRows';

const FORMATS = ['markdown', 'json', 'html', 'ndjson', 'csv'] as const;
type Format = (typeof FORMATS)[number];

export const REVIEW_USAGE = `Usage: postmortem review [paths...] [--quarter YYYY-Qn] [--today YYYY-MM-DD] [--include-drafts] [--format markdown|json|html|ndjson|csv]

The quarterly review across post-mortems (files, folders or glob patterns, as lint takes them;
default postmortems/).
  --quarter YYYY-Qn     only this quarter (its cost is still compared with the quarter before)
  --today YYYY-MM-DD    the date overdue action items are counted against (default: today, local date)
  --include-drafts      count post-mortems still in draft (or without a status) too;
                        by default only in-review, reviewed and closed ones count
  --format FORMAT       markdown (default), json, html (one self-contained page), or the rows
                        for a database or spreadsheet: ndjson (one JSON object a line) or csv
                        (RFC 4180): one row per incident and one per action item (column
                        "type"), with the repository's folder name in "repository"
Costs are never added across currencies: figures are per currency unless
.postmortem.yaml gives rates (currency: { report: EUR, rates: { USD: 0.92 } }).
Files that cannot be used are listed as skipped with the reason.
Exit codes: 0 reviewed; 2 on usage errors, or when a path or file could not be read
(named on stderr; the rest is still reviewed).`;

const REVIEW = defineCommand({
  name: 'review',
  usage: REVIEW_USAGE,
  allowPositionals: true,
  options: { quarter: { type: 'string' }, today: { type: 'string' }, format: { type: 'string', default: 'markdown' }, 'include-drafts': { type: 'boolean' } },
});

export async function runReview(args: string[], io: CliIO): Promise<number> {
  const parsed = readCommandLine(REVIEW, io, args, ({ values, positionals }) => {
    if (values.quarter !== undefined && !isQuarter(values.quarter)) throw new UsageError(`--quarter must be a quarter written YYYY-Qn (2026-Q3), got "${values.quarter}".`);
    return {
      paths: positionals,
      quarter: values.quarter,
      today: isoDateOption('--today', values.today),
      format: oneOf('--format', values.format, FORMATS),
      includeDrafts: values['include-drafts'] === true,
    };
  });
  if (typeof parsed === 'number') return parsed;
  const paths = parsed.paths.length > 0 ? parsed.paths : ['postmortems/'];
  // As `lint` does: a path that cannot be read is named on stderr, the rest is
  // still reviewed, and the exit code (2) says the review is not complete.
  const { files, problems: unreadablePaths, unmatched } = await findPostmortems(paths, io.cwd);
  for (const problem of unreadablePaths) io.stderr(`postmortem review: cannot read ${printable(problem.path)}: ${problem.message}\n`);
  for (const message of unmatched) io.stderr(`postmortem review: ${printable(message)}\n`);
  const problems = [...unreadablePaths, ...unmatched];
  const { store, unreadable, outside } = await loadStore(files, (file) => displayName(file, io.cwd));
  for (const file of outside) io.stderr(`postmortem review: skipped ${printable(file.file)}: ${file.message}\n`);
  for (const file of unreadable) io.stderr(`postmortem review: cannot read ${printable(file.file)}: ${file.fsError}\n`);
  // The repository's `.postmortem.yaml`, as `lint` reads it: its `currency` rates are the only way costs in different currencies are added.
  const config = loadProjectConfig(io.cwd);
  for (const w of config.warnings) io.stderr(`postmortem review: ${printable(config.file ?? PROJECT_CONFIG_FILE)}:${w.range.start.line + 1}:${w.range.start.character + 1} ${w.message}\n`);
  const options: ReviewOptions = {
    today: todayDate(parsed.today),
    quarter: parsed.quarter,
    includeDrafts: parsed.includeDrafts,
    currency: config.settings.currency ?? null,
  };
  const collected = collectFacts(store.entries(), options);
  if (parsed.format === 'ndjson' || parsed.format === 'csv') {
    for (const file of collected.skipped) io.stderr(`postmortem review: skipped ${printable(file.file)}: ${file.reason}\n`);
    for (const file of unreadable) io.stderr(`postmortem review: skipped ${printable(file.file)}: ${file.reason}\n`);
    // The incidents the review counts: past draft unless --include-drafts, in --quarter when given.
    const incidents = collected.incidents
      .filter((facts) => (parsed.includeDrafts || !facts.draft) && (!parsed.quarter || facts.quarter === parsed.quarter))
      // In file order, whatever order the files were read in: two exports of the same files are the same bytes.
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const repository = basename(findRepositoryRoot(io.cwd) ?? resolve(io.cwd));
    const rows = reviewRows(incidents, repository);
    io.stdout(parsed.format === 'csv' ? formatCsv(rows) : formatNdjson(rows));
    return problems.length > 0 || unreadable.length > 0 ? 2 : 0;
  }
  const review = reviewFromFacts(collected, options);
  if (unreadable.length > 0) {
    review.skipped.push(...unreadable.map(({ file, reason }) => ({ file, reason })));
    review.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
  io.stdout(escapeOutput(render(review, parsed.format), parsed.format));
  return problems.length > 0 || unreadable.length > 0 ? 2 : 0;
}

function render(review: Review, format: Exclude<Format, 'ndjson' | 'csv'>): string {
  switch (format) {
    case 'json':
      return JSON.stringify(review, null, 2) + '\n';
    case 'markdown':
      return renderReviewMarkdown(review);
    case 'html':
      return renderReviewPage(review, { mode: 'standalone', nonce: randomBytes(16).toString('base64'), css: reviewCss() });
  }
}

/** media/review.css, next to the bundle (dist/cli.js) or the sources (src/cli/review.ts). */
function reviewCss(): string {
  for (const candidate of [join(__dirname, '..', 'media', 'review.css'), join(__dirname, '..', '..', 'media', 'review.css')]) {
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
  }
  return '';
}
