import { svelte } from '@sveltejs/vite-plugin-svelte'
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

export default defineConfig({
  main: {
    build: { externalizeDeps: true }
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
