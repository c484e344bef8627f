/**
 * The harness itself: every request Chromium makes that leaves 127.0.0.1 fails the test during which it was
 * made — from the app's page, from a window the page opens, or from a connection no page reports (a
 * preconnect), which the harness's recording proxy sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, makeTempDir, openUi, removeDir, startApp } from './harness.ts'
import type { RunningApp } from './harness.ts'

let browser: Browser
let app: RunningApp

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp(await makeTempDir('rapport-e2e-offline-'))
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
  if (app) await removeDir(app.dir)
})

describe('a request that leaves the machine', () => {
  it('from a window the page opens fails the test', async () => {
    const ui = await openUi(browser, app)
    const popup = ui.page.waitForEvent('popup')
    const refused = ui.context.waitForEvent('requestfailed')
    await ui.page.evaluate("void window.open('https://tracker.rapport-e2e.invalid/pixel.gif?who=ana', '_blank')")
    await popup
    await refused
    await expect(ui.close()).rejects.toThrow(
      'request off the machine: https://tracker.rapport-e2e.invalid/pixel.gif?who=ana'
    )
  })

  it('that no page reports (a preconnect) is caught by the recording proxy and fails the test', async () => {
    const ui = await openUi(browser, app)
    await ui.page.evaluate(
      "document.head.append(Object.assign(document.createElement('link'), { rel: 'preconnect', href: 'https://fonts.rapport-e2e.invalid' }))"
    )
    // The preconnect has no request event; a page request to the same host afterwards waits on it.
    const seen = ui.context.waitForEvent('requestfailed')
    await ui.page.evaluate("void window.open('https://fonts.rapport-e2e.invalid/inter.woff2', '_blank')")
    await seen
    await expect(ui.close()).rejects.toThrow('request off the machine (proxy): https://fonts.rapport-e2e.invalid:443/')
  })

  it('none at all: the app on its own makes no request off the machine', async () => {
    const ui = await openUi(browser, app)
    await ui.page.getByRole('heading', { level: 1 }).first().waitFor()
    await ui.close()
  })
})
