/**
 * The parts of Electron the shell files touch, recorded so tests can see what the shell asked for.
 * Electron's binary is never present in tests; every shell test mocks 'electron' with this.
 */
import { vi } from 'vitest'

export const handled = new Map<string, (event: unknown, payload: unknown) => unknown>()
export const exposed = new Map<string, unknown>()
export const rendererListeners = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>()
export const shortcuts = new Map<string, () => void>()
export const menus: unknown[] = []
export const taken = new Set<string>()
/** What the stand-in OS keychain does: whether it is there, and which backend Linux would use. */
export const keychainState = { available: true, backend: 'gnome_libsecret' }

export const notifications: Array<{ options: { title: string; body: string }; shown: boolean; click: () => void }> = []

class FakeNotification {
  static isSupported = () => true
  record: { options: { title: string; body: string }; shown: boolean; click: () => void }
  constructor(options: { title: string; body: string }) {
    this.record = { options, shown: false, click: () => undefined }
    notifications.push(this.record)
  }
  on(event: string, listener: () => void) {
    if (event === 'click') this.record.click = listener
    return this
  }
  show() {
    this.record.shown = true
  }
}

export const electronMock = {
  app: { name: 'Rapport', showAboutPanel: vi.fn(), setBadgeCount: vi.fn() },
  Notification: FakeNotification,
  Menu: {
    buildFromTemplate: vi.fn((template: unknown) => template),
    setApplicationMenu: vi.fn((menu: unknown) => menus.push(menu))
  },
  ipcMain: {
    handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => unknown) => {
      if (handled.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handled.set(channel, listener)
    })
  },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, payload: unknown) => ({ channel, payload })),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener])
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      rendererListeners.set(
        channel,
        (rendererListeners.get(channel) ?? []).filter((l) => l !== listener)
      )
    })
  },
  contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
  globalShortcut: {
    register: vi.fn((accelerator: string, callback: () => void) => {
      if (taken.has(accelerator)) return false
      shortcuts.set(accelerator, callback)
      return true
    }),
    unregister: vi.fn((accelerator: string) => shortcuts.delete(accelerator))
  },
  nativeTheme: { themeSource: 'system' },
  dialog: {
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/picked/folder'] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: undefined }))
  },
  shell: { openPath: vi.fn(async () => '') },
  // A stand-in keychain: reversible, but not the clear text, so a test can tell it was used.
  safeStorage: {
    isAsyncEncryptionAvailable: async () => keychainState.available,
    getSelectedStorageBackend: () => keychainState.backend,
    encryptStringAsync: async (text: string) => Buffer.from(`kc:${Buffer.from(text).toString('hex')}`),
    decryptStringAsync: async (bytes: Buffer) => ({
      result: Buffer.from(bytes.toString().slice(3), 'hex').toString(),
      shouldReEncrypt: false
    })
  }
}
