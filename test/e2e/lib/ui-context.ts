// The type of what test/e2e/run-ui.mjs hands to every UI test
// (`test/e2e/ui/*.ui.ts`, `export default async function (ctx: UiContext)`).
// The implementation is in test/e2e/lib/ui.mjs.
import type { Frame, Page } from 'playwright-core';

export interface UiContext {
  /** The workbench page, already loaded on `workspaceDir` with the packaged extension installed. */
  page: Page;
  /** Absolute path of this test's own fresh copy of test/e2e/workspace/ (code-server runs on this machine). */
  workspaceDir: string;
  /** `http://127.0.0.1:PORT` of the code-server serving this run. */
  baseUrl: string;
  /** `test-results/ui/<test name>/`: screenshots and anything else worth keeping. */
  artifactsDir: string;
  /** Opens a workspace file through Quick Open (Ctrl+P) and waits until its editor tab is active. */
  openFile(relativePath: string): Promise<void>;
  /** Runs a command through the command palette (F1), by its full title, e.g. "Post-Mortem: New Post-Mortem". */
  runCommand(title: string): Promise<void>;
  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns the text of its rows
   * (file rows and marker rows, e.g. "message postmortem(rule) [Ln 6, Col 1]"),
   * waiting until `until` accepts them (default: at least one row) or the timeout passes.
   */
  readProblems(options?: { until?: (rows: string[]) => boolean; timeoutMs?: number }): Promise<string[]>;
  /** The first frame (webviews are nested iframes) that contains `selector`, waiting for it to appear. */
  frameWith(selector: string, options?: { timeoutMs?: number }): Promise<Frame>;
  /** Saves a screenshot of the page as `<artifactsDir>/<name>.png` and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Prints a line under this test's name in the runner's output. */
  log(message: string): void;
}

/** What a UI test module exports. `timeoutMs` overrides the runner's default of 90 s. */
export type UiTest = (ctx: UiContext) => Promise<void>;
