/**
 * A journal that cannot be read: the app must say so plainly, leave the file alone, and restore the newest
 * good backup on one click while keeping the broken bytes beside the journal.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { serializeJournal } from '../../src/main/core/durable-json-file.ts'
import type { Journal } from '../../src/shared/schema.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import { assertRendererBuilt, launchBrowser, makeTempDir, openUi, readJournalFile, removeDir, screenshot, startApp } from './harness.ts'

const good: Journal = {
  schemaVersion: 1,
  people: [
    {
      id: 'person-0001',
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      role: 'Mathematician',
      createdAt: '2026-01-05T09:30:00.000Z',
      updatedAt: '2026-01-06T10:00:00.000Z'
    }
  ]
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

let browser: Browser
beforeAll(async () => {
  assertRendererBuilt()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

it('shows the recovery screen for a truncated journal and restores the newest good backup', async () => {
  const dir = await makeTempDir('rapport-e2e-recovery-')
  const file = join(dir, 'journal.json')
  await writeFile(file, serializeJournal(good))
  // Opening a session takes today's daily and this week's weekly backup of the good journal.
  const first = await openTempJournal(dir)
  await first.session.close()
  expect((await readdir(join(dir, 'backups'))).sort()).toEqual([expect.stringMatching(/^daily-.+\.json$/), expect.stringMatching(/^weekly-.+\.json$/)])

  await truncate(file, Math.floor((await stat(file)).size / 2))
  const corrupt = await readFile(file)
  const app = await startApp(dir)
  const ui = await openUi(browser, app)
  try {
    const { page } = ui
    const screen = page.getByRole('region', { name: 'Rapport cannot read your journal' })
    await screen.getByRole('heading', { level: 1, name: 'Rapport cannot read your journal' }).waitFor()
    await screen.getByText(app.file, { exact: true }).waitFor()
    await screen.getByText('The file stops in the middle of the journal: it looks truncated.').waitFor()
    expect(await screen.getByRole('list', { name: 'Backups' }).getByRole('listitem').count()).toBe(2)
    // Showing the problem must not touch the file.
    expect(sha256(await readFile(file))).toBe(sha256(corrupt))
    await screenshot(page, 'recovery-light')

    await screen.getByRole('button', { name: 'Restore the newest good backup' }).click()
    await page.getByRole('list', { name: 'People' }).getByRole('listitem').filter({ hasText: 'Ada Lovelace' }).waitFor()
    await screen.waitFor({ state: 'detached' })
    expect(await readJournalFile(app)).toEqual(good)

    const kept = (await readdir(dir)).filter((name) => /^journal\.unreadable-.+\.json$/.test(name))
    expect(kept).toHaveLength(1)
    expect((await readFile(join(dir, kept[0]!))).equals(corrupt)).toBe(true)
  } finally {
    try {
      await ui.close()
    } finally {
      await app.close()
      await removeDir(dir)
    }
  }
})
