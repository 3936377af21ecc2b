// The layering of src/ (README, "Design"), checked on every `npm test`: a rule broken fails the tests.
// Pure layers import inward only; hosts stand side by side; the shells sit on top.
const layer = (name) => `^src/${name}/`;
const PURE_FORBIDDEN_LIBS = '^(react|react-dom|@fluentui|exceljs|fs|path|zlib|os|child_process)$|^node:';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'planning-is-the-core',
      comment: 'src/planning decides every number: it imports nothing of sheets, xlsx, jobs, hosts, cli, taskpane or i18n.',
      severity: 'error',
      from: { path: layer('planning') },
      to: { path: '^src/(places|sheets|xlsx|jobs|hosts|cli|taskpane|i18n|bench|examples)/' },
    },
    {
      name: 'places-are-data',
      comment: 'src/places is the lists of units before and since 1/7/2025 and the mapping, as handed in by a shell: it reads no file.',
      severity: 'error',
      from: { path: layer('places') },
      to: { path: '^src/(sheets|xlsx|jobs|hosts|cli|taskpane|i18n|bench|examples)/' },
    },
    {
      name: 'sheets-are-data',
      comment: 'src/sheets turns grids into units and plans into sheet models: it imports nothing of xlsx, jobs, hosts, cli, taskpane.',
      severity: 'error',
      from: { path: layer('sheets') },
      to: { path: '^src/(xlsx|jobs|hosts|cli|taskpane|i18n|bench|examples)/' },
    },
    {
      name: 'xlsx-is-the-file-format',
      comment: 'src/xlsx is SpreadsheetML and ZIP, for every platform: no host, no shell, no file system.',
      severity: 'error',
      from: { path: layer('xlsx') },
      to: { path: '^src/(jobs|hosts|cli|taskpane|i18n|bench|examples)/' },
    },
    {
      name: 'jobs-are-pure',
      comment: 'src/jobs are the use cases: what was read in, what to write out. They call no host and no shell.',
      severity: 'error',
      from: { path: layer('jobs') },
      to: { path: '^src/(xlsx|hosts|cli|taskpane|bench|examples)/' },
    },
    {
      name: 'pure-layers-use-no-platform',
      comment: 'planning, places, sheets and jobs run anywhere: no React, no Fluent, no ExcelJS, no Node built-ins.',
      severity: 'error',
      from: { path: '^src/(planning|places|sheets|jobs)/' },
      to: { path: PURE_FORBIDDEN_LIBS, dependencyTypes: ['npm', 'npm-dev', 'core', 'unknown', 'undetermined'] },
    },
    {
      name: 'xlsx-uses-no-node',
      comment: 'The file format runs in the browser too: no Node built-ins (the Node side is src/hosts/files).',
      severity: 'error',
      from: { path: layer('xlsx') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'office-host-stands-alone',
      comment: 'No adapter imports another adapter, or the pane.',
      severity: 'error',
      from: { path: '^src/hosts/office/' },
      to: { path: '^src/(hosts/(files|browser)|taskpane|cli)/' },
    },
    {
      name: 'files-host-stands-alone',
      severity: 'error',
      from: { path: '^src/hosts/files/' },
      to: { path: '^src/(hosts/(office|browser)|taskpane|cli)/' },
    },
    {
      name: 'browser-host-stands-alone',
      severity: 'error',
      from: { path: '^src/hosts/browser/' },
      to: { path: '^src/(hosts/(office|files)|taskpane|cli)/' },
    },
    {
      name: 'host-interface-is-neutral',
      severity: 'error',
      from: { path: '^src/hosts/host\\.ts$' },
      to: { path: '^src/(hosts/(office|files|browser)|taskpane|cli)/' },
    },
    {
      name: 'cli-has-no-office-browser-or-pane',
      comment: 'The CLI reads and writes files: no Office.js, browser host, React or pane code.',
      severity: 'error',
      from: { path: layer('cli') },
      to: { path: '^src/(hosts/(office|browser)|taskpane)/|^(react|react-dom|@fluentui)' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, not even through a type.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through a type is still a cycle for the reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
