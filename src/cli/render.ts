import type { CliIO } from './main';

/** PLACEHOLDER: filled in by its feature's work. */
export function runRender(_args: string[], io: CliIO): number {
  io.stderr('postmortem render: not implemented yet\n');
  return 2;
}
