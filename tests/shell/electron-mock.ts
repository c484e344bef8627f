/**
 * The parts of Electron the shell files touch, recorded so tests can see what the shell asked for.
 * Electron's binary is never present in tests; every shell test mocks 'electron' with this.
 */
import { vi } from 'vitest'

export const handled = new Map<string, (event: unknown, payload: unknown) => unknown>()
export const exposed = new Map<string, unknown>()

export const electronMock = {
  ipcMain: {
    handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => unknown) => {
      if (handled.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handled.set(channel, listener)
    })
  },
  ipcRenderer: { invoke: vi.fn(async (channel: string, payload: unknown) => ({ channel, payload })) },
  contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) }
}
