/**
 * The export menu items in Chromium against the real core: a calendar of follow-ups, and one person's file
 * updated in place in a vault after a rename, each reported in a toast.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedVaultJournal } from '../support/vault-journal.ts'
import { appPerTest, makeTempDir } from './harness.ts'

let ids: Awaited<ReturnType<typeof seedVaultJournal>>
// Seeded before the page opens: a reload after seeding aborted the page's first requests (a flake).
const run = appPerTest('rapport-e2e-export-', async (app) => {
  ids = await seedVaultJournal(app.journal.handlers, new Date())
})
const made: string[] = []
const scratch = async (prefix: string) => {
  made.push(await makeTempDir(prefix))
  return made.at(-1)!
}
afterEach(() => Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))))
beforeEach(async () => {
  await run.ui.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
})

describe('export from the menu', () => {
  it('saves a calendar of follow-ups (.ics) where the user picks', async () => {
    const { page } = run.ui
    run.app.desktop.saveAs = join(await scratch('rapport-e2e-ics-'), 'Rapport follow-ups.ics')
    await page.evaluate("window.__rapportCommand('export-ics')")
    await page.getByRole('status').filter({ hasText: 'Saved 3 open follow-ups and 2 keep-in-touch dates' }).waitFor()
    expect(await readFile(run.app.desktop.saveAs, 'utf8')).toContain(
      'SUMMARY:Ana García owes me: Share carrier volumes\r\n'
    )
  })

  it('exports this person in place after a rename, renaming their file in the vault', async () => {
    const { page } = run.ui
    const vault = await scratch('rapport-e2e-vault-')
    await mkdir(join(vault, '.obsidian'))
    run.app.desktop.folder = join(vault, 'Rapport')
    await run.app.journal.handlers.exportMarkdown({})
    await run.app.journal.handlers.updatePerson({ id: ids.jose, patch: { name: 'José Ñúñez Ruiz' } })
    await page.goto(`${run.app.url}#/person/${ids.jose}`)
    await page.getByRole('heading', { level: 1, name: 'José Ñúñez Ruiz' }).waitFor()
    await page.evaluate("window.__rapportCommand('export-person')")
    await page.getByRole('status').filter({ hasText: 'Exported 1 Markdown file' }).waitFor()
    expect(await readdir(join(vault, 'Rapport', 'People'))).toContain('José Ñúñez Ruiz.md')
    expect(await readdir(join(vault, 'Rapport', 'People'))).not.toContain('José Ñúñez.md')
    expect(await readFile(join(vault, 'Rapport', 'People', 'José Ñúñez Ruiz.md'), 'utf8')).toContain(
      '_Exported from Rapport · [[Rapport/index|All people]]_'
    )
  })
})
