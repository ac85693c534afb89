// Mutation testing (issue 14): `npm run test:mutation` mutates the functional core and the
// CLI's output formats, runs the unit and in-process CLI tests against each mutant, and
// writes reports/mutation/ (HTML, JSON and stryker-incremental.json, so the next
// run only re-tests mutants whose code or covering tests changed). docs/mutation-testing.md
// says how to read and narrow it; scripts/mutation-summary.mjs prints the score per folder.

// Mutation runs must be repeatable: every property test gets the CI seed, announced once.
process.env.FC_SEED ??= '20261128';
process.env.FC_SEED_ANNOUNCED = '1';
// One folder at a time on a busy machine: MUTATION_REPORTS=reports/mutation-review keeps
// that run's reports (and its incremental file) apart from the full run's.
const reports = process.env.MUTATION_REPORTS ?? 'reports/mutation';
// A quick look at one folder may run only the tests that reach it, e.g.
// MUTATION_TESTS='test/unit/cli-formats.test.ts,test/cli/*.test.ts'; the score is then a floor.
const testFiles = process.env.MUTATION_TESTS?.split(',') ?? ['test/unit/**/*.test.ts', 'test/cli/**/*.test.ts'];
// Tests on plain node: scripts/mutation-build.mjs transpiles the sandbox's TypeScript to JavaScript once, after the
// mutants are planted, so no test process pays for tsx. MUTATION_TSX=1 runs them through tsx as before.
const transpiled = process.env.MUTATION_TSX !== '1';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/core/**/*.ts',
    'src/rules/**/*.ts',
    'src/review/**/*.ts',
    'src/cli/formats/**/*.ts',
  ],
  testRunner: 'tap',
  tap: {
    // test/cli calls src/cli/main in-process, so mutants reach it; the one test there that
    // spawns dist/cli.js checks the bundle and is blind to mutants (documented). test/html
    // drives Chromium and is left to `npm test`.
    testFiles: transpiled ? testFiles.map((glob) => glob.replace(/\.ts$/, '.js')) : testFiles,
    nodeArgs: transpiled
      ? ['-r', '{{hookFile}}', '-r', './test/lib/fast-check-seed.js', '{{testFile}}']
      : ['-r', '{{hookFile}}', '--import', 'tsx', '--import', './test/lib/fast-check-seed.ts', '{{testFile}}'],
  },
  ...(transpiled ? { buildCommand: 'node scripts/mutation-build.mjs' } : {}),
  // The tap runner reports coverage per test file: a mutant runs only the files that reach it.
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  ignorePatterns: ['.vscode-test', 'test-results', 'test/e2e', 'test/html', 'bench', '.bench', 'out', '*.vsix'],
  incremental: true,
  incrementalFile: `${reports}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  // The machine is shared; `npm run test:mutation -- --concurrency 2` on a free one.
  concurrency: 1,
  timeoutMS: 20000,
  // The first run of every test file, one at a time with coverage on, takes minutes on a busy machine.
  dryRunTimeoutMinutes: 40,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
