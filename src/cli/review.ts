import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from './main';
import { parseCalendarDate, todayDate } from '../core/time';
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

interface ReviewArgs {
  paths: string[];
  quarter?: string;
  today?: string;
  format: Format;
}

class UsageError extends Error {}

function parseArgs(args: string[]): ReviewArgs | 'help' {
  const result: ReviewArgs = { paths: [], format: 'markdown' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--') {
      result.paths.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      result.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!['--quarter', '--today', '--format'].includes(name)) throw new UsageError(`unknown option ${name}`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (name === '--quarter') {
      if (!isQuarter(value)) throw new UsageError(`--quarter must look like 2026-Q3, not "${value}"`);
      result.quarter = value;
    } else if (name === '--today') {
      if (!parseCalendarDate(value)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${value}"`);
      result.today = value;
    } else {
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
      result.format = value as Format;
    }
  }
  return result;
}

export async function runReview(args: string[], io: CliIO): Promise<number> {
  let parsed: ReviewArgs | 'help';
  try {
    parsed = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`postmortem review: ${error.message}\n\n${REVIEW_USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout(REVIEW_USAGE + '\n');
    return 0;
  }
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
