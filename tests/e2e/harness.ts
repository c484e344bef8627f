/**
 * End-to-end harness: the app of app.ts (real core, built renderer, Chromium), with the hooks that give a
 * test file one app for all its tests, or each test its own.
 */
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { assertRendererBuilt, launchBrowser, makeTempDir, openUi, removeDir, startApp } from './app.ts'
import type { RunningApp, Ui } from './app.ts'

export * from './app.ts'

export interface AppPerFile {
  readonly browser: Browser
  /** The app every test of the file shares (one journal folder, made ready once). */
  readonly app: RunningApp
}

/**
 * Registers the hooks of a file whose tests share one app and one browser: the app starts in a fresh
 * journal folder, `prepare` fills it once, and both are closed and the folder removed after the last test.
 */
export function appPerFile(folderPrefix: string, prepare?: (app: RunningApp) => Promise<void>): AppPerFile {
  let browser: Browser | undefined
  let app: RunningApp | undefined
  beforeAll(async () => {
    assertRendererBuilt()
    browser = await launchBrowser()
    app = await startApp(await makeTempDir(folderPrefix))
    await prepare?.(app)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    if (app) await removeDir(app.dir)
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('e2e: the app runs only inside the file’s tests')
    return value
  }
  return {
    get browser() {
      return started(browser)
    },
    get app() {
      return started(app)
    }
  }
}

export interface AppPerTest {
  /** The file's browser, for a second page (a dark one) of the same app. */
  readonly browser: Browser
  /** The running app and its page of the current test. */
  readonly app: RunningApp
  readonly ui: Ui
  /** Calls the current test expects the core to refuse (a broken file, a bad shortcut). */
  expectRefused: (...calls: Array<string | RegExp>) => void
}

/**
 * Registers the hooks of a file whose every test gets a fresh app (its own journal folder) and page, with one
 * browser for the file. After each test the page must have logged no errors (Ui.close) and the core must have
 * refused no call but those the test expected: every other call is valid, so a refusal would mean the
 * renderer and the core disagree.
 */
/** A fresh app and page per test; `seed` fills the journal before the page opens, so no reload is needed. */
export function appPerTest(
  folderPrefix: string,
  seed?: (app: RunningApp) => Promise<void>,
  now?: () => Date
): AppPerTest {
  let browser: Browser
  let current: { app: RunningApp; ui: Ui } | undefined
  let refused: Array<string | RegExp> = []
  beforeAll(async () => {
    assertRendererBuilt()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  beforeEach(async () => {
    refused = []
    const app = await startApp(await makeTempDir(folderPrefix), now)
    await seed?.(app)
    current = { app, ui: await openUi(browser, app) }
  })
  afterEach(async () => {
    if (!current) return
    const { app, ui } = current
    current = undefined
    // ui.close() fails the test if the page logged errors; the app and its folder go either way.
    try {
      await ui.close()
      expect(app.failedCalls).toEqual(
        refused.map((call) => (typeof call === 'string' ? call : expect.stringMatching(call)))
      )
    } finally {
      await app.close()
      await removeDir(app.dir)
    }
  })
  const running = () => {
    if (!current) throw new Error('e2e: the app runs only inside a test')
    return current
  }
  return {
    get browser() {
      return browser
    },
    get app() {
      return running().app
    },
    get ui() {
      return running().ui
    },
    expectRefused: (...calls) => void refused.push(...calls)
  }
}
