/**
 * `node --import ./register.ts out/main/index.js`: the built main process, with the recording stand-in
 * wherever it imports 'electron' (the real module needs Electron's binary, which is never present here).
 */
import { registerHooks } from 'node:module'

const standIn = new URL('./electron-stand-in.ts', import.meta.url).href

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, shortCircuit: true }
    return nextResolve(specifier, context)
  }
})
