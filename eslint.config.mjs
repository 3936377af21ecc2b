// Used by `npm run lint` (office-addin-lint check), which picks up ./eslint.config.mjs when it exists
// and otherwise falls back to its own config. Plain `npx eslint .` reads this file too.
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

// eslint-plugin-office-addins bundles an older typescript-eslint; ESLint refuses two different objects under the
// one "@typescript-eslint" name, so its configs get the project's plugin and parser instead.
const withProjectTypescriptEslint = (config) => ({
  ...config,
  ...(config.plugins?.['@typescript-eslint'] && { plugins: { ...config.plugins, '@typescript-eslint': tseslint.plugin } }),
  ...(config.languageOptions?.parser && { languageOptions: { ...config.languageOptions, parser: tseslint.parser } }),
});

export default [
  // Only the TypeScript sources and tests are linted; `eslint .` would otherwise walk dist/, bin/ and the configs.
  { ignores: ['**/*', '!src/', '!src/**/', '!src/**/*.{ts,tsx}', '!test/', '!test/**/', '!test/**/*.{ts,tsx}'] },
  // eslint:recommended, the Office rules (load before read, no sync in loops, ...) and React's recommended rules.
  ...officeAddins.configs.react.map(withProjectTypescriptEslint),
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Prettier would rewrite most files (it re-wraps argument lists and arrays the code lays out on purpose);
      // .prettierrc.json still carries the house style for editors and new files.
      'prettier/prettier': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // React 17+ JSX transform needs no React in scope (tsc reports it when the classic one does), and
      // TypeScript checks props, so PropTypes would only repeat the types.
      'react/react-in-jsx-scope': 'off',
      'react/jsx-uses-react': 'off',
      'react/prop-types': 'off',
    },
  },
  {
    // The SpreadsheetML writer and the Office renderer match the control characters XML 1.0 (and so a workbook)
    // forbids, on purpose.
    files: ['src/hosts/xlsx/**/*.ts', 'src/hosts/office/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // The tests read workbooks back with ExcelJS, whose cells look like Office.js proxies to these rules
      // (they match on names, not types); there is no context.sync() outside Office.
      'office-addins/call-sync-after-load': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/no-context-sync-in-loop': 'off',
      // A one-off require('fs') inside a test is fine (Jest runs the tests as CommonJS).
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
];
