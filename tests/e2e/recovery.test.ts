/**
 * A journal that cannot be read: the app must say so plainly, leave the file alone, and restore the newest
 * good backup on one click while keeping the broken bytes beside the journal.
 */
import { readdir, readFile, rm, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sha256 } from '../../src/core/journal/file-hash.ts'
import { serializeJournal } from '../../src/core/journal/journal-file.ts'
import { readJournalText } from '../../src/core/journal/journal-text.ts'
import { storedText } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import { assertRendererBuilt, launchBrowser, makeTempDir, openUi, removeDir, screenshot, startApp } from './harness.ts'

let browser: Browser
beforeAll(async () => {
  assertRendererBuilt()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/**
 * A journal with one person, written by the core in its current format, and backups that hold it. Backups
 * are taken when a session opens (once a day), so the first session's are of the empty journal: they are
 * dropped and a second session takes them again.
 */
async function journalWithBackups(dir: string): Promise<Buffer> {
  const first = await openTempJournal(dir)
  const created = await first.bridge.createPerson({
    person: { name: 'Ada Lovelace', company: 'Analytical Engines', role: 'Mathematician' }
  })
  expect(created.ok).toBe(true)
  await first.session.close()
  await rm(join(dir, 'backups'), { recursive: true })
  const second = await openTempJournal(dir)
  await second.session.close()
  expect((await readdir(join(dir, 'backups'))).sort()).toEqual([
    expect.stringMatching(/^daily-.+\.json$/),
    expect.stringMatching(/^weekly-.+\.json$/)
  ])
  return readFile(join(dir, 'journal.json'))
}

it('shows the recovery screen for a truncated journal and restores the newest good backup', async () => {
  const dir = await makeTempDir('rapport-e2e-recovery-')
  const file = join(dir, 'journal.json')
  const good = await journalWithBackups(dir)
  // Cut inside a string, the way an interrupted copy leaves a file. (A cut right after a complete value is
  // currently reported as "not valid JSON" rather than "truncated": see the e2e report.)
  await truncate(file, good.indexOf('Lovelace'))
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
    // The restored journal opens like any other, on Today; Ada is back under People.
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
    await screen.waitFor({ state: 'detached' })
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click()
    await page.getByRole('list', { name: 'People' }).getByRole('listitem').filter({ hasText: 'Ada Lovelace' }).waitFor()
    // The same journal as the backup (the snapshot's change number moves past the old log's, so compare journals).
    expect(await storedText(file)).toBe(serializeJournal(readJournalText(good.toString('utf8')).journal))

    const kept = (await readdir(dir)).filter((name) => /^journal\.unreadable-.+\.json$/.test(name))
    expect(kept).toHaveLength(1)
    expect((await readFile(join(dir, kept[0]!))).equals(corrupt)).toBe(true)
  } finally {
    try {
      await ui.close()
      expect(app.failedCalls).toEqual([])
    } finally {
      await app.close()
      await removeDir(dir)
    }
  }
})
