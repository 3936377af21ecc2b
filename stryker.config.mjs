// npm run mutation (not in CI): docs/mutation.md.
//
// Each mutant runs the tests of the core's own suites that reach it, test/planning and test/sheets. Left out:
// LibreOffice and Chromium (slow), the CLI suites (they run dist/, which no mutant reaches), and the host and
// pane suites (their imports cost tens of seconds a mutant). MUTATION_TESTS narrows the tests further while
// you work on one file: MUTATION_TESTS=test/planning/calendar.test.ts,test/planning/new-year.test.ts.
const tests = process.env.MUTATION_TESTS?.split(',').map((t) => t.trim()).filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      roots: ['<rootDir>/test/planning', '<rootDir>/test/sheets'],
      ...(tests ? { testMatch: tests.map((t) => `<rootDir>/${t}`) } : {}),
      // Properties capped and seeded under Stryker (the file says why).
      moduleNameMapper: { '^fast-check$': '<rootDir>/scripts/mutation/fast-check.js' },
    },
  },
  // No tsconfig rewrite: ours points at nothing outside the sandbox, and the rewrite imports typescript from
  // beside Stryker, where npx does not put it (the project has its own).
  tsconfigFile: 'none',
  coverageAnalysis: 'perTest',
  mutate: [
    'src/planning/**/*.ts',
    // The sheet readers: grids in, units, stages, settings and plan books out.
    'src/sheets/read-units.ts',
    'src/sheets/header.ts',
    'src/sheets/parse-count.ts',
    'src/sheets/grid.ts',
    'src/sheets/pick-table.ts',
    'src/sheets/read-stage-sheet.ts',
    'src/sheets/read-plan-settings.ts',
    'src/sheets/read-plan-workbook.ts',
  ],
  ignorePatterns: ['dist', 'examples/out', 'test-output', 'coverage', '.bench', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  concurrency: 1,
  timeoutMS: 10000,
  cleanTempDir: 'always',
};
