// ESLint: typescript-eslint's strict, type-checked rules for every TypeScript and Svelte file, with the
// Svelte plugin's recommended rules. Formatting is Prettier's job (npm run format), not ESLint's.
import js from '@eslint/js'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import ts from 'typescript-eslint'
import svelteConfig from './svelte.config.js'

export default ts.config(
  { ignores: ['out/', 'dist/', 'coverage/', 'node_modules/', 'resources/', 'docs/'] },
  js.configs.recommended,
  ts.configs.strictTypeChecked,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.components.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte']
      }
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
  },
  {
    files: ['src/renderer/**', 'tests/components/**'],
    languageOptions: { globals: globals.browser }
  },
  {
    rules: {
      // `import type` wherever only a type is used, so nothing but values reaches a bundle.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // With noUncheckedIndexedAccess, `!` marks an index known to be in range (hot loops over typed arrays).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Handlers are async so that every call returns a promise, even when its work is synchronous.
      '@typescript-eslint/require-await': 'off',
      // Counts and sizes go into messages as they are.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onclick={() => save()}` and `(x) => void list.push(x)` are the idiom for callbacks that return nothing.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true, ignoreVoidReturningFunctions: true }
      ],
      // Files, the OS and hand-edited journals are typed more optimistically than they are: defensive checks stay.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `const { scripts: _s, ...rest } = pkg` drops a key on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }]
    }
  },
  {
    files: ['**/*.svelte'],
    rules: {
      // In an $effect, a bare read (`void changes.revision`) is how the effect subscribes to that value.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      // The Svelte parser loses some of $state's inference that svelte-check keeps: the casts it needs stay.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // `{' '}` and `{', '}` keep text that Svelte trims at the edge of an {#if} or {#each} block.
      'svelte/no-useless-mustaches': 'off'
    }
  },
  {
    // Vitest types expect.any() and friends, and JSON read back from disk, as `any`: the assertions check them.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off'
    }
  },
  {
    // The two config files are plain JavaScript outside every tsconfig: lint them without types.
    files: ['eslint.config.js', 'svelte.config.js'],
    extends: [ts.configs.disableTypeChecked]
  }
)
