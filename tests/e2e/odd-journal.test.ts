/**
 * What the app shows in Chromium for a journal it will not change: a read-only one (mode 0400) opens with a
 * banner saying why and nothing is written; a folder where journal.json should be gets a plain sentence and
 * no offer to restore over it. Screenshots of both, light and dark, for review.
 */
import { chmod, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedJournal } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import { launchBrowser, makeTempDir, openUi, removeDir, screenshot, startApp } from './harness.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe.skipIf(process.platform === 'win32')('a read-only journal', () => {
  it.each(['light', 'dark'] as const)('opens with a banner saying why, and nothing is written (%s)', async (scheme) => {
    const dir = await makeTempDir('rapport-e2e-read-only-')
    const seeded = await openTempJournal(dir)
    await seedJournal(seeded.handlers, new Date())
    await seeded.session.close()
    const file = join(dir, 'journal.json')
    await chmod(file, 0o400)
    await chmod(`${file}.log`, 0o400)
    const before = [await readFile(file), await readFile(`${file}.log`)]
    const app = await startApp(dir)
    try {
      const ui = await openUi(browser, app, { colorScheme: scheme })
      await ui.page.goto(`${app.url}#/people`)
      const banner = ui.page.getByRole('status', { name: 'This journal is read-only' })
      await banner.waitFor()
      expect(await banner.innerText()).toContain('journal.json is read-only (mode 0400)')
      await ui.page.getByRole('list', { name: 'People' }).getByText('Ana García').waitFor()
      await screenshot(ui.page, `read-only-${scheme}`)
      await ui.close()
      expect([await readFile(file), await readFile(`${file}.log`)]).toEqual(before)
    } finally {
      await app.close()
      await removeDir(dir)
    }
  })
})

it.each(['light', 'dark'] as const)(
  'a folder where journal.json should be: a sentence, no restore (%s)',
  async (scheme) => {
    const dir = await makeTempDir('rapport-e2e-folder-')
    await mkdir(join(dir, 'journal.json'))
    const app = await startApp(dir)
    try {
      const ui = await openUi(browser, app, { colorScheme: scheme })
      await ui.page.getByRole('heading', { level: 1, name: 'Rapport cannot open your journal' }).waitFor()
      expect(await ui.page.getByText('journal.json is a folder, not a journal file.', { exact: false }).count()).toBe(1)
      expect(await ui.page.getByRole('button', { name: /Restore/ }).count()).toBe(0)
      await screenshot(ui.page, `journal-folder-${scheme}`)
      await ui.close()
    } finally {
      await app.close()
      await removeDir(dir)
    }
  }
)
