/**
 * Importing in Chromium against the real core: pick a file (the test answers the native dialog), see the
 * preview, adjust it, import, and find exactly that in journal.json. A file Rapport cannot read says where,
 * and leaves the journal byte for byte as it was. A Rapport backup previews a merge.
 */
import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { seedJournal } from '../support/seed-journal.ts'
import { CONTACTS } from '../support/contacts.ts'
import { sha256 } from '../../src/core/journal/file-hash.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import { appPerTest, makeTempDir, readJournalFile, screenshot, TestDesktop } from './harness.ts'

const run = appPerTest('rapport-e2e-import-')
beforeEach(async () => {
  // The journal is open once Today shows; menu commands wait for that.
  await run.ui.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
})

const preview = (page: Page) => page.getByRole('table')
const rowOf = (page: Page, name: string) =>
  preview(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name, exact: true }) })
const actionFor = (page: Page, name: string) => page.getByRole('combobox', { name: `What to do with ${name}` })
/** A column's select; its name is its label followed by the chosen column, as Chromium names a select in a label. */
const mappingFor = (page: Page, field: string) =>
  page.getByRole('group', { name: 'Columns' }).getByRole('combobox', { name: new RegExp(`^${field}\\b`) })
const cells = (page: Page, column: number) => preview(page).locator(`tbody tr td:nth-child(${column})`).allInnerTexts()

/** Opens Import from the menu command, as Ctrl+I would, and picks `file` in the (test's) dialog. */
async function pick(page: Page, file: string): Promise<void> {
  run.app.desktop.file = file
  await page.evaluate("window.__rapportCommand('import')")
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor()
  expect(new URL(page.url()).hash).toBe('#/import')
  await page.getByRole('button', { name: 'Choose a file…' }).click()
}

describe('import', () => {
  it('previews a Google CSV, maps columns, skips one contact and imports the rest', async () => {
    const { page } = run.ui
    await pick(page, join(CONTACTS, 'google.csv'))
    await page.getByRole('heading', { level: 2, name: 'google.csv: 4 contacts' }).waitFor()
    expect(await cells(page, 1)).toEqual(['Ana García', '王伟', "Liam O'Brien", 'Nguyễn Thị Mai'])
    expect(await cells(page, 2)).toEqual(['Acme Logistics', '深圳华通物流', "O'Brien Freight, Ltd.", 'Saigon Freight'])
    for (const name of ['Ana García', '王伟', "Liam O'Brien", 'Nguyễn Thị Mai']) {
      expect(await actionFor(page, name).inputValue()).toBe('add')
    }
    // The mapping step guessed the columns from Google's headers.
    expect(await mappingFor(page, 'Full name').locator('option:checked').innerText()).toBe('Name')
    expect(await mappingFor(page, 'Company').locator('option:checked').innerText()).toBe('Organization 1 - Name')
    expect(await mappingFor(page, 'Role').locator('option:checked').innerText()).toBe('Organization 1 - Title')
    await page.getByText('4 to add, 0 to merge, 0 to skip.').waitFor()

    // Unmapping Company empties that column of the preview; mapping it back fills it again.
    await mappingFor(page, 'Company').selectOption({ label: 'Not imported' })
    await expect.poll(() => cells(page, 2)).toEqual(['', '', '', ''])
    await mappingFor(page, 'Company').selectOption({ label: 'Organization 1 - Name' })
    await expect
      .poll(() => cells(page, 2))
      .toEqual(['Acme Logistics', '深圳华通物流', "O'Brien Freight, Ltd.", 'Saigon Freight'])
    // The job title read as the role; a column change the user makes is what gets imported.
    await mappingFor(page, 'Role').selectOption({ label: 'Not imported' })
    await expect.poll(() => mappingFor(page, 'Role').inputValue()).toBe('')

    await actionFor(page, "Liam O'Brien").selectOption('skip')
    await page.getByText('3 to add, 0 to merge, 1 to skip.').waitFor()
    expect(await rowOf(page, "Liam O'Brien").count()).toBe(1)
    await screenshot(page, 'import-light')
    expect((await readJournalFile(run.app)).people).toEqual([])

    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const done = page.getByRole('status', { name: 'Import finished' })
    await done.getByRole('heading', { name: 'Imported' }).waitFor()
    await done.getByText('3 people added, 0 merged, 1 skipped.').waitFor()
    await done.getByText('Added: Ana García, 王伟, Nguyễn Thị Mai').waitFor()
    expect(await preview(page).count()).toBe(0)

    const people = (await readJournalFile(run.app)).people
    expect(people.map((p) => [p.name, p.company, p.role, p.email])).toEqual([
      ['Ana García', 'Acme Logistics', '', 'ana.garcia@acme.example'],
      ['王伟', '深圳华通物流', '', 'wang.wei@huatong.example'],
      ['Nguyễn Thị Mai', 'Saigon Freight', '', 'mai.nguyen@saigonfreight.example']
    ])
    // The people list has them too, without a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click()
    await page
      .getByRole('list', { name: 'People' })
      .getByRole('listitem')
      .filter({ hasText: 'Nguyễn Thị Mai' })
      .waitFor()
    expect(await page.getByRole('list', { name: 'People' }).getByRole('listitem').count()).toBe(3)
  })

  it('previews a Google vCard, suggests merging a person already there, and merges', async () => {
    const ana = await run.app.journal.handlers.createPerson({
      person: { name: 'Ana García', email: 'ana.garcia@acme.example', company: 'Acme Logistics' }
    })
    const { page } = run.ui
    await pick(page, join(CONTACTS, 'google.vcf'))
    await page.getByRole('heading', { level: 2, name: 'google.vcf: 3 contacts' }).waitFor()
    // vCards have no columns to map.
    expect(await page.getByRole('group', { name: 'Columns' }).count()).toBe(0)
    expect(await cells(page, 1)).toEqual(['Ana García', 'Nguyễn Văn An', "Siobhán O'Brien"])
    expect(await actionFor(page, 'Ana García').inputValue()).toBe('merge')
    expect(await actionFor(page, 'Ana García').locator('option').allInnerTexts()).toEqual([
      'Add as new',
      'Merge into Ana García',
      'Skip'
    ])
    expect(await actionFor(page, 'Nguyễn Văn An').inputValue()).toBe('add')
    await page.getByText('2 to add, 1 to merge, 0 to skip.').waitFor()

    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page
      .getByRole('status', { name: 'Import finished' })
      .getByText('2 people added, 1 merged, 0 skipped.')
      .waitFor()
    const people = (await readJournalFile(run.app)).people
    expect(people.map((p) => p.name)).toEqual(['Ana García', 'Nguyễn Văn An', "Siobhán O'Brien"])
    expect(people[0]).toMatchObject({ id: ana.id, role: 'CFO', phone: '+34 612 345 678' })
  })

  it('names the line of a broken file and leaves the journal byte for byte as it was', async () => {
    await run.app.journal.handlers.createPerson({ person: { name: 'Ada Lovelace' } })
    const before = sha256(await readFile(run.app.file))
    run.expectRefused(/^importPick: invalid-input: Line 3: this line is not valid UTF-8 text/)
    const { page } = run.ui
    await pick(page, join(CONTACTS, 'latin1.vcf'))
    await page
      .getByRole('alert')
      .filter({ hasText: /^Line 3: this line is not valid UTF-8 text/ })
      .waitFor()
    expect(await preview(page).count()).toBe(0)
    expect(sha256(await readFile(run.app.file))).toBe(before)

    // A good file afterwards clears the message.
    await pick(page, join(CONTACTS, 'google.vcf'))
    await page.getByRole('heading', { level: 2, name: 'google.vcf: 3 contacts' }).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('heading', { level: 2, name: 'google.vcf: 3 contacts' }).waitFor({ state: 'detached' })
    expect(sha256(await readFile(run.app.file))).toBe(before)
  })

  it('previews a Rapport backup as a merge and imports its people', async () => {
    // Another journal, saved as a full backup the way “Export full backup…” does it.
    const desktop = new TestDesktop()
    const other = await openTempJournal(await makeTempDir('rapport-e2e-import-source-'), undefined, desktop)
    let backup: string
    try {
      await seedJournal(other.handlers, new Date())
      desktop.saveAs = join(other.dir, 'Rapport backup.json')
      const saved = await other.handlers.exportJson({})
      expect(saved.canceled).toBe(false)
      backup = join(run.app.dir, 'Rapport backup.json')
      await copyFile(desktop.saveAs, backup)
    } finally {
      await other.dispose()
    }
    await run.app.journal.handlers.createPerson({ person: { name: 'Ada Lovelace' } })

    const { page } = run.ui
    await pick(page, backup)
    await page.getByRole('heading', { level: 2, name: 'Rapport backup.json' }).waitFor()
    await page.getByText('New people: Ana García, Kenji Watanabe, Priya Natarajan, Tomás Oliveira').waitFor()
    await page.getByText('Your journal is backed up first.').waitFor()
    expect((await readJournalFile(run.app)).people.map((p) => p.name)).toEqual(['Ada Lovelace'])

    await page.getByRole('button', { name: 'Merge into my journal' }).click()
    const done = page.getByRole('status', { name: 'Import finished' })
    await done.getByRole('heading', { name: 'Backup imported' }).waitFor()
    await done.getByText(/^Your journal as it was is saved as .+\.json\.$/).waitFor()
    const file = await readJournalFile(run.app)
    expect(file.people.map((p) => p.name).sort()).toEqual([
      'Ada Lovelace',
      'Ana García',
      'Kenji Watanabe',
      'Priya Natarajan',
      'Tomás Oliveira'
    ])
    expect((file['conversations'] as unknown[]).length).toBe(4)
  })
})
