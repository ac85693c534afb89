import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from './main';
import { UsageError, defineCommand, isoDateOption, oneOf, readCommandLine } from './args';
import { todayDate } from '../core/time';
import { renderReviewPage } from '../review/html';
import { collectFiles, displayName, loadStore } from '../review/load';
import { renderReviewMarkdown } from '../review/markdown';
import { isQuarter } from '../review/quarter';
import { computeReview, type Review } from '../review/review';

const FORMATS = ['markdown', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

export const REVIEW_USAGE = `Usage: postmortem review [paths...] [--quarter YYYY-Qn] [--today YYYY-MM-DD] [--format markdown|json|html]

The quarterly review across post-mortems (files or folders; default postmortems/).
  --quarter YYYY-Qn     only this quarter (its cost is still compared with the quarter before)
  --today YYYY-MM-DD    the date overdue action items are counted against (default: today, UTC)
  --format FORMAT       markdown (default), json, or html (one self-contained page)
Files that cannot be used are listed as skipped with the reason.`;

const REVIEW = defineCommand({
  name: 'review',
  usage: REVIEW_USAGE,
  allowPositionals: true,
  options: { quarter: { type: 'string' }, today: { type: 'string' }, format: { type: 'string', default: 'markdown' } },
});

export async function runReview(args: string[], io: CliIO): Promise<number> {
  const parsed = readCommandLine(REVIEW, io, args, ({ values, positionals }) => {
    if (values.quarter !== undefined && !isQuarter(values.quarter)) throw new UsageError(`--quarter must be a quarter written YYYY-Qn (2026-Q3), got "${values.quarter}".`);
    return {
      paths: positionals,
      quarter: values.quarter,
      today: isoDateOption('--today', values.today),
      format: oneOf('--format', values.format, FORMATS),
    };
  });
  if (typeof parsed === 'number') return parsed;
  const paths = parsed.paths.length > 0 ? parsed.paths : ['postmortems/'];
  let files: string[];
  try {
    files = await collectFiles(paths, io.cwd);
  } catch (error) {
    io.stderr(`postmortem review: ${(error as Error).message}\n`);
    return 2;
  }
  const { store, unreadable } = await loadStore(files, (file) => displayName(file, io.cwd));
  const review = computeReview(store.entries(), { today: todayDate(parsed.today), quarter: parsed.quarter });
  if (unreadable.length > 0) {
    review.skipped.push(...unreadable);
    review.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
  io.stdout(render(review, parsed.format));
  return 0;
}

function render(review: Review, format: Format): string {
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
