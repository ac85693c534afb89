import type { CliIO } from './main';

/** PLACEHOLDER: filled in by its feature's work. */
export function runReview(_args: string[], io: CliIO): number {
  io.stderr('postmortem review: not implemented yet\n');
  return 2;
}
