/**
 * The app as the end-to-end tests and the paint benchmark run it: the real journal core behind a tiny HTTP
 * server that serves the built renderer, and Chromium (playwright-core) in place of Electron, which cannot
 * run here. The page gets `window.rapport` from an init script that forwards each call to
 * `POST /api/<name>`, so the renderer runs unchanged, under its own Content-Security-Policy, against the same
 * dispatch() the IPC handlers use. Nothing here needs vitest (harness.ts adds the tests' hooks).
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { apiNames } from '../../src/shared/api.ts'
import type { ApiResults } from '../../src/shared/api.ts'
import { dispatch } from '../../src/core/api/handlers.ts'
import { PickingShell } from '../support/picking-shell.ts'
import { storedJournal } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

export { makeTempDir } from '../support/temp-journal.ts'

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')
export const RENDERER_INDEX = join(RENDERER_DIR, 'index.html')
/**
 * Where screenshots go: an ignored folder on every test run, so tests never rewrite tracked files;
 * `npm run screenshots` points this at docs/screenshots to refresh the README's copies.
 */
export const SCREENSHOTS_DIR = resolve(
  import.meta.dirname,
  '../..',
  process.env.RAPPORT_SCREENSHOTS_DIR ?? 'test-results/screenshots'
)
const HOST = '127.0.0.1'
const MAX_BODY_BYTES = 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8'
}

/** The desktop the e2e app runs on: native dialogs answer with what the test sets beforehand. */
export class TestDesktop extends PickingShell {}

export interface RunningApp {
  url: string
  dir: string
  /** The journal file: <dir>/journal.json. */
  file: string
  journal: TempJournal
  /** What the app's file dialogs will answer. */
  desktop: TestDesktop
  /** Names of the API calls the page made, in order; lets a test prove something was *not* sent. */
  calls: string[]
  /** Calls that came back `ok: false`, with the message: the UI may show these quietly, tests should not. */
  failedCalls: string[]
  /** Stops the server and closes the session (releasing the lock); the folder is left for the test. */
  close: () => Promise<void>
}

export function assertRendererBuilt(): void {
  if (!existsSync(RENDERER_INDEX)) {
    throw new Error(`e2e: ${RENDERER_INDEX} is missing; run npm run build first.`)
  }
}

/** `now`: the core's clock (the page keeps the real one); the real time when absent. */
export async function startApp(dataDir: string, now?: () => Date): Promise<RunningApp> {
  assertRendererBuilt()
  const desktop = new TestDesktop()
  const journal = await openTempJournal(dataDir, now, desktop)
  const calls: string[] = []
  const failedCalls: string[] = []
  const server = createServer((request, response) => {
    handle(request, response, journal, calls, failedCalls).catch((error: unknown) => {
      console.error('e2e server:', error)
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error')
      else response.destroy()
    })
  })
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail)
      server.listen(0, HOST, done)
    })
  } catch (error) {
    await journal.session.close() // release the lock, or the next attempt on this folder would be refused
    throw error
  }
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${HOST}:${port}/`,
    dir: dataDir,
    file: journal.file,
    journal,
    desktop,
    calls,
    failedCalls,
    close: async () => {
      await closeServer(server)
      await journal.session.close()
    }
  }
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  journal: TempJournal,
  calls: string[],
  failedCalls: string[]
): Promise<void> {
  const { pathname } = new URL(request.url ?? '/', `http://${HOST}`)
  if (pathname.startsWith('/api/')) {
    if (request.method !== 'POST') {
      send(response, 405, 'text/plain; charset=utf-8', 'POST only')
      return
    }
    const name = pathname.slice('/api/'.length)
    let payload: unknown
    try {
      payload = JSON.parse(await readBody(request))
    } catch {
      send(response, 400, 'text/plain; charset=utf-8', 'body is not JSON')
      return
    }
    calls.push(name)
    const result = await dispatch(journal.handlers, name, payload)
    if (!result.ok) failedCalls.push(`${name}: ${result.error.code}: ${result.error.message}`)
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result))
    return
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'GET only')
    return
  }
  // Chromium asks for a favicon on its own (Electron, loading a file, does not); answer without an error.
  if (pathname === '/favicon.ico') {
    send(response, 204, 'image/x-icon', '')
    return
  }
  const file = staticFile(pathname)
  const type = file ? CONTENT_TYPES[extname(file)] : undefined
  const body = file && type ? await readFile(file).catch(() => null) : null
  if (!body || !type) {
    send(response, 404, 'text/plain; charset=utf-8', 'not found')
    return
  }
  send(response, 200, type, request.method === 'HEAD' ? '' : body)
}

/** Maps a URL path to a file inside out/renderer, or null for anything that would leave it. */
export function staticFile(pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const file = resolve(RENDERER_DIR, relative)
  return file.startsWith(RENDERER_DIR + sep) ? file : null
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  // no-store: a reload must fetch what the server has now, never a cached copy.
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  response.end(body)
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new Error('body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function closeServer(server: Server): Promise<void> {
  // Chromium keeps connections alive; without this close() would wait for them to time out.
  server.closeAllConnections()
  return new Promise((done, fail) => server.close((error) => (error ? fail(error) : done())))
}

/**
 * Everything Chromium sends anywhere but 127.0.0.1 — a page's request, a popup's, a preconnect, one the
 * browser makes on its own (an update check, a dictionary download) — goes through this proxy, which writes it
 * down and refuses it. Chromium always goes straight to loopback addresses, so the app's own server is not
 * proxied. Tests fail on anything it saw (Ui.close).
 */
class OffMachine {
  readonly seen: string[] = []
  readonly #server = createServer((request, response) => {
    this.seen.push(request.url ?? '')
    response.writeHead(403).end()
  })

  constructor() {
    // https (and websockets) ask the proxy for a tunnel first: the host is all it is told, and enough.
    this.#server.on('connect', (request: IncomingMessage, socket: Socket) => {
      this.seen.push(`https://${request.url ?? ''}/`)
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    })
  }

  async listen(): Promise<string> {
    await new Promise<void>((done, fail) => {
      this.#server.once('error', fail)
      this.#server.listen(0, HOST, done)
    })
    return `http://${HOST}:${(this.#server.address() as AddressInfo).port}`
  }

  close(): void {
    this.#server.closeAllConnections()
    this.#server.close()
  }
}

const offMachine = new WeakMap<Browser, OffMachine>()
/** The discard port on this machine: nothing listens, so anything sent there fails at once, locally. */
const CLOSED_PORT = 'http://127.0.0.1:9'

/**
 * Chromium with a profile of its own whose spellcheck is off: the browser downloads Hunspell dictionaries from
 * Google (redirector.gvt1.com) the first time a page has a field to check, and no switch moves or stops that —
 * only the profile's preference does. (Electron's spellcheck reads dictionaries from a local folder: the launch
 * tests prove it.) Contexts made with newContext() share the profile's preferences, not its storage.
 */
export async function launchBrowser(): Promise<Browser> {
  const proxy = new OffMachine()
  const profile = await mkdtemp(join(tmpdir(), 'rapport-chromium-'))
  await mkdir(join(profile, 'Default'))
  await writeFile(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({
      browser: { enable_spellchecking: false },
      spellcheck: { dictionaries: [], dictionary: '' }
    })
  )
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      // Chromium-the-browser's own services (sign-in, component updates, autofill's server) are pointed at a
      // closed local port: Electron has none of them, and here they would reach Google on every run.
      `--gaia-url=${CLOSED_PORT}`,
      `--component-updater=url-source=${CLOSED_PORT}/`,
      `--autofill-server-url=${CLOSED_PORT}/`,
      `--proxy-server=${await proxy.listen()}`
    ]
  })
  const browser = context.browser()
  if (!browser) throw new Error('e2e: Chromium started without a browser to make contexts in')
  offMachine.set(browser, proxy)
  browser.on('disconnected', () => {
    proxy.close()
    // Chromium may still be writing its profile as it exits: retried, and a leftover temp folder is no failure.
    rm(profile, { recursive: true, force: true, maxRetries: 10 }).catch((error: unknown) =>
      console.warn(`e2e: could not remove ${profile}:`, error)
    )
  })
  return browser
}

export interface Ui {
  context: BrowserContext
  page: Page
  /** Console errors (CSP violations among them), page errors, failed or off-machine requests. */
  problems: string[]
  /** Closes the context, then fails if anything went wrong in the page while it was open. */
  close: () => Promise<void>
}

/** A fresh browser context (no shared storage) with the bridge installed, showing the app. */
export async function openUi(
  browser: Browser,
  app: RunningApp,
  /** `blank`: the page starts empty (about:blank), for a test that loads the app itself once it is watching. */
  options: { colorScheme?: 'light' | 'dark'; blank?: boolean } = {}
): Promise<Ui> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce'
  })
  // Runs before any page script, like Electron's preload; the names come from the shared contract.
  await context.addInitScript((names: string[]) => {
    const call = (name: string) => (input?: unknown) =>
      fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {})
      }).then((response) => response.json())
    // Commands from main (menus, shortcuts) are sent by tests through window.__rapportCommand(name, detail).
    const listeners = new Set<(command: string, detail: string) => void>()
    const onCommand = (listener: (command: string, detail: string) => void) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
    Object.defineProperty(globalThis, '__rapportCommand', {
      value: (command: string, detail = '') => listeners.forEach((l) => l(command, detail))
    })
    const bridge = Object.freeze({ ...Object.fromEntries(names.map((name) => [name, call(name)])), onCommand })
    Object.defineProperty(globalThis, 'rapport', { value: bridge, enumerable: true })
  }, apiNames)

  // Fail a missing element in seconds rather than at the test's own timeout.
  context.setDefaultTimeout(10_000)
  const problems: string[] = []
  // Requests of every page and worker of the context, popups included, and what the proxy saw meanwhile.
  context.on('request', (request) => {
    const { hostname, protocol } = new URL(request.url())
    // data: URLs never leave the machine; anything else must go to our server only.
    if (protocol !== 'data:' && hostname !== HOST) problems.push(`request off the machine: ${request.url()}`)
  })
  const proxy = offMachine.get(browser)
  const proxiedBefore = proxy?.seen.length ?? 0
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`)
  )
  await page.goto(options.blank ? 'about:blank' : app.url)
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close()
      for (const url of proxy?.seen.slice(proxiedBefore) ?? []) problems.push(`request off the machine (proxy): ${url}`)
      if (problems.length > 0) throw new Error(`e2e: the page reported problems:\n${problems.join('\n')}`)
    }
  }
}

/** A person as stored; typed from the API contract so these tests do not depend on the schema's files. */
export type StoredPerson = ApiResults['listPeople'][number]

/** The journal file as the tests read it: the people, and whatever else the current schema version holds. */
export interface JournalFile {
  schemaVersion: number
  people: StoredPerson[]
  [key: string]: unknown
}

/** The journal as it is on disk right now: the snapshot with its change log replayed, read without the lock. */
export async function readJournalFile(app: Pick<RunningApp, 'file'>): Promise<JournalFile> {
  return await storedJournal(app.file)
}

/** Saves a PNG of the window (or the whole page) into SCREENSHOTS_DIR for review and for the README. */
export async function screenshot(page: Page, name: string, { fullPage = false } = {}): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true })
  const path = join(SCREENSHOTS_DIR, `${name}.png`)
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', fullPage })
  return path
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
