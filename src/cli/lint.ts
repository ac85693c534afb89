import type { CliIO } from './main';

/** PLACEHOLDER: filled in by its feature's work. */
export function runLint(_args: string[], io: CliIO): number {
  io.stderr('postmortem lint: not implemented yet\n');
  return 2;
}
