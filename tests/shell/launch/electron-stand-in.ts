/**
 * A recording stand-in for the 'electron' module, for launching the BUILT main process in plain Node.
 * It plays a user's short session the way Electron would order it: ready → window shown → a few calls from
 * the page over IPC → the window closed → quit. What the app asked for is written as JSON to
 * RAPPORT_STAND_IN_LOG when the process would end. Anything of Electron's the app uses that is not here
 * fails loudly (see `strict`), so the test notices when the shell starts relying on something new.
 *
 * With RAPPORT_STAND_IN_NOW set, it also gives the app a clock of its own (see src/main/clock.ts) that
 * starts then and jumps to each timer the app sets, so a meeting reminder comes without waiting for it; the
 * session then waits for the first notification, clicks it and records what the page was sent.
 */
import { writeFileSync } from 'node:fs'
import { EventEmitter } from 'node:events'

type Listener = (...args: unknown[]) => unknown
type Trusted = 'trusted' | 'foreign'

export interface LaunchLog {
  singleInstanceLocks: number
  windows: Array<{
    options: Record<string, unknown>
    loadedFile: string | null
    loadedUrl: string | null
    shown: boolean
  }>
  channels: string[]
  menus: unknown[]
  securityHandlers: string[]
  /** What a request to the internet was told by the session's request filter. */
  internetRequest: { cancel: boolean } | null
  calls: Array<{ channel: string; sender: Trusted; result: unknown }>
  quitRequests: number
  willQuitPrevented: number
  exitCode: number
  badgeCounts: number[]
  /** Notifications shown, with the clock's time when they were. */
  notifications: Array<{ title: string; body: string; at: string }>
  /** What main sent the page: channel, then the arguments. */
  sent: unknown[][]
  errorBoxes: string[]
  /** Where Chromium was told to fetch spellcheck dictionaries from (null: never told, so Google's CDN). */
  spellcheckDictionaries: string | null
  /** What the page's window.open was answered, and the links handed to the user's browser. */
  windowOpenAnswers: unknown[]
  openedExternally: string[]
  /** Questions the app asked in a message box: its text and the buttons offered, and which was clicked. */
  messageBoxes: Array<{ message: string; detail: string; buttons: string[]; clicked: string }>
  errors: string[]
}

const log: LaunchLog = {
  singleInstanceLocks: 0,
  windows: [],
  channels: [],
  menus: [],
  securityHandlers: [],
  internetRequest: null,
  calls: [],
  quitRequests: 0,
  willQuitPrevented: 0,
  exitCode: 0,
  badgeCounts: [],
  notifications: [],
  sent: [],
  errorBoxes: [],
  spellcheckDictionaries: null,
  windowOpenAnswers: [],
  openedExternally: [],
  messageBoxes: [],
  errors: []
}

/** Every property the app reads must exist: a missing one is recorded and thrown, never silently undefined. */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'string' && !(key in object) && key !== 'then') {
        log.errors.push(`electron stand-in: ${name}.${key} is not modelled`)
        throw new Error(`electron stand-in: ${name}.${key} is not modelled`)
      }
      return Reflect.get(object, key, receiver) as unknown
    }
  })
}

function finish(code: number): never {
  log.exitCode = code
  writeFileSync(process.env.RAPPORT_STAND_IN_LOG!, JSON.stringify(log, null, 2))
  process.exit(code)
}

const appEvents = new EventEmitter()
let quitting = false

export const app = strict('app', {
  name: 'Rapport',
  isPackaged: false,
  requestSingleInstanceLock() {
    log.singleInstanceLocks++
    return process.env.RAPPORT_STAND_IN_SECOND_INSTANCE !== '1'
  },
  on(event: string, listener: Listener) {
    appEvents.on(event, listener)
    return app
  },
  whenReady() {
    return new Promise<void>((ready) => setImmediate(ready))
  },
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`electron stand-in: app.getPath('${name}') is not modelled`)
    return process.env.RAPPORT_STAND_IN_USER_DATA!
  },
  setBadgeCount(count: number) {
    log.badgeCounts.push(count)
    return true
  },
  showAboutPanel() {},
  /** Like Electron: 'will-quit' may be prevented; otherwise the process ends. */
  quit() {
    log.quitRequests++
    if (quitting) return
    quitting = true
    setImmediate(() => {
      let prevented = false
      appEvents.emit('will-quit', { preventDefault: () => (prevented = true) })
      quitting = false
      if (prevented) log.willQuitPrevented++
      else finish(0)
    })
  },
  exit(code = 0) {
    finish(code)
  }
})

class WebContents extends EventEmitter {
  openHandler: Listener | null = null
  setWindowOpenHandler(handler: Listener) {
    this.openHandler = handler
  }
  send(channel: string, ...args: unknown[]) {
    log.sent.push([channel, ...args])
  }
}

/** The clock the app is given when the test names a start time: each timer set runs at once, time jumping to it. */
const start = process.env.RAPPORT_STAND_IN_NOW
let clockNow = start ? Date.parse(start) : 0
if (start) {
  ;(globalThis as Record<symbol, unknown>)[Symbol.for('rapport.clock')] = {
    now: () => new Date(clockNow),
    setTimer(run: () => void, ms: number) {
      return setImmediate(() => {
        // Once the reminder has come, time stands still: the user is reading it.
        if (log.notifications.length > 0) return
        clockNow += Math.max(0, ms)
        run()
      })
    },
    clearTimer: (timer: unknown) => clearImmediate(timer as NodeJS.Immediate)
  }
}

const windows: BrowserWindow[] = []

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed)
  }
  webContents = new WebContents()
  destroyed = false
  record: LaunchLog['windows'][number]

  constructor(options: Record<string, unknown>) {
    super()
    this.record = { options, loadedFile: null, loadedUrl: null, shown: false }
    log.windows.push(this.record)
    windows.push(this)
  }
  loadFile(path: string) {
    this.record.loadedFile = path
    return this.#loaded()
  }
  loadURL(url: string) {
    this.record.loadedUrl = url
    return this.#loaded()
  }
  /** The page is ready after the current turn, as in Electron: the app has finished starting by then. */
  #loaded() {
    setImmediate(() => this.emit('ready-to-show'))
    return Promise.resolve()
  }
  show() {
    // Main shows the window again to hand it a command (a notification clicked): the user is already there.
    if (this.record.shown) return
    this.record.shown = true
    setImmediate(() => void userSession(this))
  }
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false
  }
  isMaximized() {
    return false
  }
  isDestroyed() {
    return this.destroyed
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1200, height: 800 }
  }
  close() {
    this.emit('close', { preventDefault() {} })
    this.destroyed = true
    this.emit('closed')
    if (BrowserWindow.getAllWindows().length === 0) appEvents.emit('window-all-closed')
  }
}

const handlers = new Map<string, Listener>()

export const ipcMain = strict('ipcMain', {
  handle(channel: string, listener: Listener) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    handlers.set(channel, listener)
    log.channels.push(channel)
  }
})

/** A call from the page: the app's own top frame, or a frame from anywhere else. */
async function call(channel: string, payload: unknown, sender: Trusted, pageUrl: string): Promise<unknown> {
  const url = sender === 'trusted' ? pageUrl : 'https://example.com/'
  const result = await handlers.get(channel)?.({ senderFrame: { url, parent: null } }, payload)
  log.calls.push({ channel, sender, result })
  return result
}

/** What a user does in the window: add a person, list people; a foreign frame tries too; then closes it. */
async function userSession(window: BrowserWindow): Promise<void> {
  try {
    const page = window.record.loadedFile
      ? new URL(`file://${window.record.loadedFile}`).href
      : window.record.loadedUrl!
    if (start) {
      // The user waits for the meeting reminder and clicks it.
      ;(await firstNotification).click()
      window.close()
      return
    }
    await call('createPerson', { person: { name: 'Launch Smoke' } }, 'trusted', page)
    await call('listPeople', {}, 'trusted', page)
    await call('listPeople', {}, 'foreign', page)
    // A link in a note the user clicks (RAPPORT_STAND_IN_LINK): the page asks to open it.
    const link = process.env.RAPPORT_STAND_IN_LINK
    if (link) {
      log.windowOpenAnswers.push(window.webContents.openHandler?.({ url: link }))
      await new Promise((settled) => setImmediate(settled))
    }
  } catch (error) {
    log.errors.push(String(error))
  }
  window.close()
}

export const Menu = strict('Menu', {
  buildFromTemplate(template: unknown) {
    return { template }
  },
  setApplicationMenu(menu: unknown) {
    log.menus.push(menu)
  }
})

let notified: (notification: Notification) => void = () => undefined
const firstNotification = new Promise<Notification>((resolve) => (notified = resolve))

export class Notification {
  static isSupported() {
    return true
  }
  #options: { title: string; body: string }
  #click: Listener = () => undefined
  constructor(options: { title: string; body: string }) {
    this.#options = options
  }
  on(event: string, listener: Listener) {
    if (event === 'click') this.#click = listener
    return this
  }
  show() {
    log.notifications.push({
      title: this.#options.title,
      body: this.#options.body,
      at: new Date(clockNow).toISOString()
    })
    notified(this)
  }
  click() {
    this.#click()
  }
}

export const dialog = strict('dialog', {
  showErrorBox(title: string, content: string) {
    log.errorBoxes.push(`${title}: ${content}`)
  },
  /** Clicks the button RAPPORT_STAND_IN_CLICK names (the default button when unset). */
  showMessageBox(...args: unknown[]) {
    const options = args.at(-1) as { message: string; detail?: string; buttons: string[]; defaultId?: number }
    const wanted = process.env.RAPPORT_STAND_IN_CLICK
    const index = wanted ? options.buttons.indexOf(wanted) : (options.defaultId ?? 0)
    if (index === -1) log.errors.push(`electron stand-in: no button “${wanted}” in ${JSON.stringify(options.buttons)}`)
    const clicked = options.buttons[index] ?? ''
    log.messageBoxes.push({ message: options.message, detail: options.detail ?? '', buttons: options.buttons, clicked })
    return Promise.resolve({ response: index, checkboxChecked: false })
  },
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true })
})

export const globalShortcut = strict('globalShortcut', { register: () => true, unregister() {} })
export const nativeTheme = strict('nativeTheme', { themeSource: 'system' })
// No keychain here: a protected journal's key is never remembered at launch (tests/shell/keychain.test.ts).
export const safeStorage = strict('safeStorage', {
  isAsyncEncryptionAvailable: () => Promise.resolve(false),
  getSelectedStorageBackend: () => 'basic_text'
})
export const shell = strict('shell', {
  openPath: () => Promise.resolve(''),
  openExternal(url: string) {
    log.openedExternally.push(url)
    return Promise.resolve()
  }
})

const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }
export const screen = strict('screen', { getPrimaryDisplay: () => display, getAllDisplays: () => [display] })

export const session = strict('session', {
  defaultSession: strict('session.defaultSession', {
    setPermissionRequestHandler() {
      log.securityHandlers.push('permission-request')
    },
    setPermissionCheckHandler() {
      log.securityHandlers.push('permission-check')
    },
    setSpellCheckerDictionaryDownloadURL(url: string) {
      log.spellcheckDictionaries = url
    },
    webRequest: strict('webRequest', {
      onBeforeRequest(filter: (details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void) {
        log.securityHandlers.push('before-request')
        filter({ url: 'https://example.com/track.js' }, (answer) => (log.internetRequest = answer))
      }
    })
  })
})
