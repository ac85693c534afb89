import type { CliIO } from './main';

/** PLACEHOLDER: filled in by its feature's work. */
export function runNew(_args: string[], io: CliIO): number {
  io.stderr('postmortem new: not implemented yet\n');
  return 2;
}
