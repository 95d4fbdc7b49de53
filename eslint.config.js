import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Dependencies point one way: engine ← import ← worker ← lib ← charts ← ui ← features ← app, with
 * state beside the worker (both read only the engine). Each folder gets ONE no-restricted-imports
 * rule listing every import it must not make (a later rule for the same files would replace, not
 * add to, an earlier one). Cycles between files or folders are caught by test/architecture.
 */
const FEATURES = ['overview', 'funnel', 'intent', 'rules', 'forecast', 'hygiene', 'data'];
const UI_LIBS = ['react', 'react-dom', 'react/*', 'zustand', '@tanstack/*'];
const RECHARTS = {
  group: ['recharts', 'recharts/*'],
  message: 'Only src/charts draws charts: give a chart component a view-model.',
};
const ban = (folders, message) => ({ group: folders.map((f) => (f.includes('/') ? f : `**/${f}/**`)), message });
/** The worker's public face is its typed API and the client that calls it; the rest is its inside. */
const WORKER_INSIDE = {
  group: ['**/worker/*', '!**/worker/api', '!**/worker/client'],
  message: 'Reach the worker through worker/api (types) and worker/client (the handle), never a handler or its wiring.',
};

const restrict = (files, patterns, extra = {}) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }], ...extra },
});

const layers = [
  restrict(
    ['src/engine/**', 'src/demo/**'],
    [
      { group: [...UI_LIBS, 'recharts'], message: 'The engine is pure TypeScript: no UI libraries.' },
      ban(
        ['import', 'worker', 'features', 'app', 'ui', 'charts', 'state', 'lib', 'warehouse', 'cli'],
        'The engine imports nothing outside itself.',
      ),
    ],
  ),
  restrict(
    ['src/warehouse/**'],
    [
      {
        group: [...UI_LIBS, 'recharts', '@duckdb/*', 'node:*'],
        message: 'The warehouse compiler is pure TypeScript: no UI, no database driver, no Node APIs.',
      },
      ban(
        ['import', 'worker', 'features', 'app', 'ui', 'charts', 'state', 'lib', 'cli'],
        'The warehouse compiler reads only the engine.',
      ),
    ],
  ),
  restrict(
    ['src/import/**'],
    [
      { group: [...UI_LIBS, 'recharts'], message: 'The import layer sits below the worker and the UI.' },
      ban(
        ['worker', 'features', 'app', 'ui', 'charts', 'state', 'lib'],
        'The import layer sits below the worker and the UI.',
      ),
    ],
  ),
  restrict(
    ['src/worker/**'],
    [
      {
        group: ['react', 'react-dom', 'react/*', 'zustand', '@tanstack/*', 'recharts'],
        message: 'The worker knows nothing of the UI.',
      },
      ban(
        ['features', 'app', 'ui', 'charts', 'state', 'lib'],
        'The worker returns engine results and figures; words and formats belong to the UI.',
      ),
    ],
  ),
  restrict(
    ['src/state/**'],
    [
      RECHARTS,
      ban(
        ['worker', 'lib', 'features', 'app', 'ui', 'charts', 'import'],
        "State holds UI state only: it reads the engine's types, never the worker or the UI.",
      ),
    ],
  ),
  restrict(
    ['src/lib/**'],
    [RECHARTS, ban(['features', 'app', 'ui', 'charts'], 'lib sits below the charts, the UI pieces and the views.')],
  ),
  restrict(
    ['src/charts/**'],
    [
      ban(
        ['engine', 'worker', 'state', 'features', 'app', 'ui', 'import'],
        'Charts render view-models from props: no engine, worker or app state.',
      ),
    ],
  ),
  restrict(
    ['src/ui/**'],
    [
      RECHARTS,
      ban(
        ['engine', 'worker', 'state', 'features', 'app', 'import'],
        'UI pieces render props; they read no app state.',
      ),
    ],
  ),
  ...FEATURES.map((f) =>
    restrict(
      [`src/features/${f}/**`],
      [
        RECHARTS,
        WORKER_INSIDE,
        ban(
          ['app', ...FEATURES.filter((o) => o !== f).map((o) => `**/features/${o}/**`)],
          'A feature never imports another feature or the app shell.',
        ),
      ],
    ),
  ),
  restrict(['src/app/**', 'src/main.tsx'], [RECHARTS, WORKER_INSIDE]),
  restrict(
    ['src/cli/**'],
    [
      { group: [...UI_LIBS, 'recharts'], message: 'The CLI runs in Node: no UI libraries.' },
      ban(
        ['features', 'app', 'ui', 'charts'],
        'The CLI reads the engine, the import layer and the worker, not the UI.',
      ),
    ],
  ),
];

const impure = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'The engine never reads the clock: pass asOf in.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'The engine never reads the clock: pass asOf in.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'The engine never uses Math.random: pass a seed in.',
  },
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
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Data never becomes HTML: render text.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Data never becomes HTML: use textContent.',
        },
      ],
    },
  },
  {
    files: ['src/engine/**', 'src/demo/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'fetch'],
      'no-restricted-syntax': ['error', ...impure],
    },
  },
  {
    // The warehouse compiler: pure TypeScript over the engine's rule types; no UI, no clock.
    files: ['src/warehouse/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'fetch'],
      'no-restricted-syntax': ['error', ...impure],
    },
  },
  ...layers,
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
