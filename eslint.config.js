import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Dependencies point one way: engine ← import ← worker ← features ← app. */
const layer = (files, banned, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: banned.map((group) => ({ group: [group], message })) },
    ],
  },
});

const FEATURES = ['overview', 'funnel', 'intent', 'rules', 'forecast', 'hygiene', 'data'];

const impure = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The engine never reads the clock: pass asOf in.' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The engine never reads the clock: pass asOf in.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The engine never uses Math.random: pass a seed in.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'playwright-report', 'test-results', 'bench/.data', '.reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Data never becomes HTML: render text.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Data never becomes HTML: use textContent.' },
      ],
    },
  },
  {
    files: ['src/engine/**', 'src/demo/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'recharts', 'zustand', '@tanstack/*'], message: 'The engine is pure TypeScript: no UI libraries.' },
            { group: ['**/import/**', '**/worker/**', '**/features/**', '**/app/**', '**/ui/**', '**/charts/**', '**/state/**', '**/lib/**'], message: 'The engine imports nothing outside itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'fetch'],
      'no-restricted-syntax': ['error', ...impure],
    },
  },
  {
    // The warehouse compiler: pure TypeScript over the engine's rule types; no UI, no clock.
    files: ['src/warehouse/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'recharts', 'zustand', '@tanstack/*', '@duckdb/*', 'node:*'], message: 'The warehouse compiler is pure TypeScript: no UI, no database driver, no Node APIs.' },
            { group: ['**/import/**', '**/worker/**', '**/features/**', '**/app/**', '**/ui/**', '**/charts/**', '**/state/**', '**/lib/**', '**/cli/**'], message: 'The warehouse compiler reads only the engine.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'fetch'],
      'no-restricted-syntax': ['error', ...impure],
    },
  },
  layer(['src/engine/**'], ['**/warehouse/**'], 'The engine imports nothing outside itself.'),
  layer(['src/import/**'], ['react', 'react-dom', '**/worker/**', '**/features/**', '**/app/**', '**/ui/**', '**/charts/**', '**/state/**'], 'The import layer sits below the worker and the UI.'),
  layer(['src/worker/**'], ['react', 'react-dom', '**/features/**', '**/app/**', '**/ui/**', '**/charts/**', '**/state/**'], 'The worker knows nothing of the UI.'),
  layer(['src/charts/**', 'src/ui/**'], ['**/features/**', '**/app/**', '**/worker/**', '**/state/**'], 'Charts and UI pieces render props; they read no app state.'),
  ...FEATURES.map((f) =>
    layer(
      [`src/features/${f}/**`],
      ['**/app/**', ...FEATURES.filter((o) => o !== f).map((o) => `**/features/${o}/**`)],
      'A feature never imports another feature or the app shell.',
    ),
  ),
  {
    files: ['test/**', 'scripts/**', 'bench/**', '*.config.*'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Playwright fixtures receive a `use` callback that is not a React hook.
    files: ['test/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
