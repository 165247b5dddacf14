// Lint for the whole repository. Besides typescript-eslint's recommended set, the folder rules
// below enforce the runtime each folder promises (see docs: ARCHITECTURE "Layout" and "Rules of
// the house"): `main/sim` is pure and deterministic, `shared` is runtime-free, `renderer` is a
// sandboxed DOM page. scripts/lint-rules.test.ts proves that each of these rules fires.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import townlet from './scripts/eslint/no-import-cycle.mjs'

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx']

/** Every Node builtin by bare name (fs, path, worker_threads, fs/promises …). */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'))

/** no-restricted-imports entries that refuse Node builtins, with or without `node:`. */
function nodeImports(why) {
  return {
    paths: NODE_BUILTINS.map((name) => ({ name, message: why })),
    patterns: [{ group: ['node:*'], message: why }]
  }
}

/** Merges several no-restricted-imports option objects; a later rule entry would replace, not add. */
function restrictImports(...parts) {
  return [
    'error',
    {
      paths: parts.flatMap((p) => p.paths ?? []),
      patterns: parts.flatMap((p) => p.patterns ?? [])
    }
  ]
}

function modules(names, why) {
  return { paths: names.map((name) => ({ name, message: why })) }
}

// ---- main/sim: the deterministic engine --------------------------------------------------
const SIM_WHY =
  'main/sim is the deterministic engine: pure TypeScript, no I/O, no runtime modules. ' +
  'Do the I/O in main/shard (or main/snapshots) and pass plain data in.'
const SIM_DETERMINISM =
  'the engine is deterministic: use the seeded RNG streams (world/events/policy) for randomness ' +
  'and the tick counter for time, so a run replays exactly from a snapshot plus its input log.'

const simImports = [
  nodeImports(SIM_WHY),
  modules(['electron', 'ws', 'onnxruntime-node', 'better-sqlite3', 'yaml'], SIM_WHY),
  {
    patterns: [
      {
        // Reaching out of the engine into the host side of main/ would smuggle a runtime in.
        regex: '^(\\.\\./)+(electron|host|server|cli|shard|fs|history)(/|$)',
        message: SIM_WHY
      }
    ]
  }
]

const simDeterminismRules = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: `Math.random: ${SIM_DETERMINISM}` },
    { object: 'globalThis', property: 'Date', message: `Date: ${SIM_DETERMINISM}` },
    { object: 'globalThis', property: 'performance', message: `performance: ${SIM_DETERMINISM}` },
    { object: 'crypto', property: 'getRandomValues', message: `crypto.getRandomValues: ${SIM_DETERMINISM}` },
    { object: 'crypto', property: 'randomUUID', message: `crypto.randomUUID: ${SIM_DETERMINISM}` }
  ],
  'no-restricted-globals': [
    'error',
    { name: 'Date', message: `Date (Date.now, new Date): ${SIM_DETERMINISM}` },
    { name: 'performance', message: `performance: ${SIM_DETERMINISM}` },
    { name: 'crypto', message: `crypto: ${SIM_DETERMINISM}` },
    { name: 'setTimeout', message: `setTimeout: the engine never waits on a clock; ${SIM_DETERMINISM}` },
    { name: 'setInterval', message: `setInterval: the engine never waits on a clock; ${SIM_DETERMINISM}` },
    { name: 'setImmediate', message: `setImmediate: the engine never schedules work; ${SIM_DETERMINISM}` },
    { name: 'process', message: `process: ${SIM_WHY}` },
    { name: 'Buffer', message: `Buffer: ${SIM_WHY}` },
    { name: 'require', message: `require: ${SIM_WHY}` }
  ],
  'no-restricted-syntax': [
    'error',
    {
      // Catches `Math['random']()` and `const { random } = Math`, which the property rule misses.
      selector: "MemberExpression[object.name='Math'][property.value='random']",
      message: `Math.random: ${SIM_DETERMINISM}`
    },
    {
      selector: "VariableDeclarator[init.name='Math'] > ObjectPattern > Property[key.name='random']",
      message: `Math.random: ${SIM_DETERMINISM}`
    }
  ]
}

// ---- shared: what both sides of IPC need ------------------------------------------------
const SHARED_WHY =
  'shared/ is imported by main, preload and the renderer alike, so it must stay runtime-free: ' +
  'no Node builtins, no electron, no DOM. Put runtime code in main/ or renderer/.'
const DOM_GLOBALS = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history',
  'indexedDB', 'alert', 'confirm', 'prompt', 'requestAnimationFrame', 'cancelAnimationFrame',
  'getComputedStyle', 'matchMedia', 'customElements', 'XMLHttpRequest', 'HTMLElement', 'Element',
  'Node', 'Event', 'self', 'parent', 'top', 'opener', 'frames', 'screen'
]
const NODE_GLOBALS = ['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate']

const sharedImports = [nodeImports(SHARED_WHY), modules(['electron', 'ws', 'onnxruntime-node', 'better-sqlite3'], SHARED_WHY)]
const sharedGlobals = [
  'error',
  ...DOM_GLOBALS.map((name) => ({ name, message: `${name} is a DOM global: ${SHARED_WHY}` })),
  ...NODE_GLOBALS.map((name) => ({ name, message: `${name} is a Node global: ${SHARED_WHY}` }))
]

// ---- main/history: the run-history store, on the host/training floor -----------------------
// Floors run one way: shared → config → sim → policy | console | telemetry → shard → host |
// training | scenarios | history → electron | server → cli | bench. The store may use what lies
// below it; what lies below never reaches up into it, and it never reaches up into the faces.
const HISTORY_WHY =
  'main/history sits on the host/training floor: it may import shared, config, sim, telemetry, fs and shard, ' +
  'never the floors above it (electron, server, cli, bench) nor its neighbours (host, training, scenarios). ' +
  'Let the caller (cli, server) pass what it needs in.'
const historyImports = [
  modules(['electron', 'ws'], HISTORY_WHY),
  { patterns: [{ regex: '^(\\.\\./)+(main/)?(host|training|scenarios|electron|server|cli|bench)(/|$)', message: HISTORY_WHY }] }
]
const BELOW_HISTORY_WHY =
  'the run-history store (main/history) sits above this floor: a lower floor never imports upwards. ' +
  'Hand the store what it needs (a source, a callback) from the CLI or the server instead.'
const belowHistoryImports = [{ patterns: [{ regex: '^(\\.\\./)+(main/)?history(/|$)', message: BELOW_HISTORY_WHY }] }]

// ---- renderer: a sandboxed page ----------------------------------------------------------
const RENDERER_WHY =
  'the renderer is a sandboxed page (contextIsolation, no nodeIntegration) and also runs in a plain ' +
  'browser: reach the host through the preload `api` (renderer/src/api), never Node or electron.'
const rendererImports = [nodeImports(RENDERER_WHY), modules(['electron', 'ws'], RENDERER_WHY)]
const rendererGlobals = [
  'error',
  ...NODE_GLOBALS.filter((n) => n !== 'setImmediate').map((name) => ({ name, message: `${name} is a Node global: ${RENDERER_WHY}` }))
]

// Files TypeScript already type-checks through tsconfig.node.json / tsconfig.web.json; the
// promise rules below need type information, so they run only where a tsconfig covers the file.
const TYPED_FILES = ['main/**/*.ts', 'preload/**/*.ts', 'shared/**/*.ts', 'e2e/**/*.ts', 'renderer/src/**/*.{ts,tsx}', '*.config.ts']
const UNTYPED_FILES = ['renderer/src/**/*.test.tsx']

export default defineConfig(
  globalIgnores(['out/', 'node_modules/', 'reports/', 'test-results/', 'playwright-report/', '.townlet/', 'coverage/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off'
    }
  },

  // Type-aware promise rules: an un-awaited IPC call or a promise handed to an event handler
  // loses its error silently, which is exactly the class of bug "no throws across processes" hides.
  {
    files: TYPED_FILES,
    ignores: UNTYPED_FILES,
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error'
    }
  },

  // Runtimes by folder. Node: main, preload (its own sandbox rules live in main/electron tests),
  // scripts, e2e and the config files. Browser: the renderer. shared and main/sim get neither.
  {
    files: ['main/**', 'preload/**', 'scripts/**', 'e2e/**', 'bin/**', '*.config.*', 'eslint.config.mjs'],
    ignores: ['main/sim/**'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  },

  // ---- folder rules (requirements of issue 2) ----
  {
    files: ['main/sim/**/*.{ts,tsx,mts,cts}'],
    rules: { 'no-restricted-imports': restrictImports(...simImports), ...simDeterminismRules }
  },
  // No import circles in the engine (issue 13), type-only imports included: each domain imports
  // downwards into leaves (agents/intent, agents/enter-leave, op-handler) and console-ops.ts
  // beside tick.ts is the one module that imports every domain's op handlers.
  {
    files: ['main/sim/**/*.{ts,tsx,mts,cts}'],
    plugins: { townlet },
    rules: { 'townlet/no-import-cycle': ['error', { root: 'main/sim' }] }
  },
  {
    files: ['shared/**/*.{ts,tsx,mts,cts}'],
    rules: { 'no-restricted-imports': restrictImports(...sharedImports), 'no-restricted-globals': sharedGlobals }
  },
  {
    files: ['renderer/**/*.{ts,tsx,mts,cts}'],
    rules: { 'no-restricted-imports': restrictImports(...rendererImports), 'no-restricted-globals': rendererGlobals }
  },
  {
    files: ['main/history/**/*.{ts,tsx,mts,cts}'],
    rules: { 'no-restricted-imports': restrictImports(...historyImports) }
  },
  {
    files: ['main/{config,policy,console,telemetry,snapshots,shard,fs}/**/*.{ts,tsx,mts,cts}'],
    rules: { 'no-restricted-imports': restrictImports(...belowHistoryImports) }
  },

  // Tests run under vitest in Node: they may read fixtures with node:fs and so on, and use
  // Node globals. Sim tests keep the determinism rules (a test that uses Math.random does not
  // replay either); only the import and Node-global restrictions are lifted.
  {
    files: TEST_FILES,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  {
    files: ['shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off' }
  },
  {
    files: ['main/sim/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...simDeterminismRules['no-restricted-globals'].slice(1).filter((r) => !['process', 'Buffer', 'require'].includes(r.name))
      ]
    }
  }
)
