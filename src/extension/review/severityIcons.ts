/**
 * The explorer tree's incident icons, as plain data (codicon id and theme
 * colour) so a unit test can check them without VS Code. Incident severities
 * get icons of their own: `warning` and `info` are what the Problems panel uses
 * for diagnostic severities, and a SEV-2 row must not read as a lint warning.
 */
export const SEVERITY_CODICONS: Readonly<Record<string, { id: string; color: string }>> = {
  'SEV-1': { id: 'flame', color: 'charts.red' },
  'SEV-2': { id: 'pulse', color: 'charts.orange' },
  'SEV-3': { id: 'circle-outline', color: 'charts.blue' },
};

/** Codicons VS Code uses for problem severities and states (Problems panel, hovers): never an incident's. */
export const PROBLEM_CODICONS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'issues', 'lightbulb', 'question', 'pass', 'check']);
