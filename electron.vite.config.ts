import { svelte } from '@sveltejs/vite-plugin-svelte'
import { chmod } from 'node:fs/promises'
import { join } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { DEV_CSP, STRICT_CSP } from './csp.config.ts'

/** Writes the Content-Security-Policy into index.html: strict when built, relaxed only for the dev server. */
function contentSecurityPolicy(): Plugin {
  let policy = STRICT_CSP
  return {
    name: 'rapport-csp',
    configResolved(config) {
      policy = config.command === 'serve' ? DEV_CSP : STRICT_CSP
    },
    transformIndexHtml(html) {
      return html.replace('%RAPPORT_CSP%', policy)
    }
  }
}

/** Makes the built `rapport` command (out/main/cli.js, which starts with its #! line) executable. */
function executableCli(): Plugin {
  return {
    name: 'rapport-executable-cli',
    apply: 'build',
    async writeBundle(options, bundle) {
      if (options.dir && 'cli.js' in bundle) await chmod(join(options.dir, 'cli.js'), 0o755)
    }
  }
}

export default defineConfig({
  main: {
    plugins: [executableCli()],
    build: {
      externalizeDeps: true,
      // The app, and the `rapport` command line: the same core, built together; the CLI never loads Electron.
      rolldownOptions: { input: { index: 'src/main/index.ts', cli: 'src/cli/index.ts' } }
    }
  },
  preload: {
    build: {
      // Sandboxed preloads run as classic scripts, so this one is CommonJS with nothing external.
      externalizeDeps: false,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    plugins: [svelte(), contentSecurityPolicy()]
  }
})
