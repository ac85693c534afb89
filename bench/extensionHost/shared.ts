/** What bench/extensionHost.ts and its probe in the extension host (probe.ts) agree on; no `vscode` here. */

/** The 10,000-entry document the runner writes into the workspace and the probe types into. */
export const BIG_DOCUMENT = 'big.pm.yaml';
/**
 * The same text under a name that is no post-mortem: typing into it measures the floor, what VS Code and its
 * built-in extensions block the host for on a keystroke in a document that size, without this extension.
 */
export const BIG_PLAIN_YAML = 'big-plain.yaml';
/** The probe prints each phase's result on a line of its own starting with this. */
export const RESULT_MARKER = 'HOST_BLOCKING';

export interface PhaseResult {
  phase: string;
  ms: number;
  /** monitorEventLoopDelay: max, p99 and p50 delay in ms. */
  loopDelayMax: number;
  loopDelayP99: number;
  loopDelayP50?: number;
  /** The probe's timer's lateness (a tick due every 2 ms): max and p99 in ms, and how many ticks. */
  tickLateMax: number;
  tickLateP99: number;
  ticks: number;
}
