/**
 * Importing in Chromium against the real core: pick a file (the test answers the native dialog), see the
 * preview, adjust it, import, and find exactly that in journal.json. Records it cannot read are listed with
 * their line, reason and text while the rest imports; a file with none it can read says where, and leaves the
 * journal byte for byte as it was. A Rapport backup previews a merge.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { seedJournal } from '../support/seed-journal.ts'
import { CONTACTS, expectedNames } from '../support/contacts.ts'
import { sha256 } from '../../src/core/journal/file-hash.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import { appPerTest, makeTempDir, openUi, readJournalFile, screenshot, TestDesktop } from './harness.ts'

const run = appPerTest('rapport-e2e-import-')
beforeEach(async () => {
  // The journal is open once Today shows; menu commands wait for that.
  await run.ui.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
})

const preview = (page: Page) => page.getByRole('table', { name: 'What importing each contact will do' })
const rowOf = (page: Page, name: string) =>
  preview(page)
    .getByRole('row')
    .filter({ has: page.locator('.contact-name', { hasText: new RegExp(`^${name}$`) }) })
const actionFor = (page: Page, name: string) => page.getByRole('combobox', { name: `What to do with ${name}` })
/** What a column of the file becomes, in the mapping step. */
const mappingFor = (page: Page, header: string) =>
  page.getByRole('table', { name: 'What each column of the file becomes' }).getByRole('combobox', {
    name: `What “${header}” becomes`
  })
const names = (page: Page) => preview(page).locator('tbody .contact-name').allInnerTexts()
const cells = (page: Page, column: number) => preview(page).locator(`tbody tr td:nth-child(${column})`).allInnerTexts()

/** Opens Import from the menu command, as Ctrl+I would, and picks `file` in the (test's) dialog. */
async function pick(page: Page, file: string): Promise<void> {
  run.app.desktop.file = file
  // Commands act once the journal is open, as in the app: a page just opened may still be asking.
  await page.getByRole('navigation').first().waitFor()
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
    expect(await names(page)).toEqual(['Ana García', '王伟', "Liam O'Brien", 'Nguyễn Thị Mai'])
    expect(await cells(page, 2)).toEqual(['Acme Logistics', '深圳华通物流', "O'Brien Freight, Ltd.", 'Saigon Freight'])
    for (const name of ['Ana García', '王伟', "Liam O'Brien", 'Nguyễn Thị Mai']) {
      expect(await actionFor(page, name).inputValue()).toBe('add')
    }
    // The mapping step shows what each column of Google's export became.
    await page.getByText('Columns: 14 of 49 imported').waitFor()
    expect(await mappingFor(page, 'Name').locator('option:checked').innerText()).toBe('Full name')
    expect(await mappingFor(page, 'Additional Name').locator('option:checked').innerText()).toBe('Middle name')
    expect(await mappingFor(page, 'Organization 1 - Name').locator('option:checked').innerText()).toBe('Company')
    expect(await mappingFor(page, 'Organization 1 - Title').locator('option:checked').innerText()).toBe('Role')
    expect(await mappingFor(page, 'Yomi Name').inputValue()).toBe('')
    await page.getByText('4 to add, 0 to merge, 0 to skip.').waitFor()

    // A column no longer imported empties that column of the preview; mapped back, it fills again.
    await mappingFor(page, 'Organization 1 - Name').selectOption({ label: 'Not imported' })
    await expect.poll(() => cells(page, 2)).toEqual(['', '', '', ''])
    await page.getByText('Columns: 13 of 49 imported').waitFor()
    await mappingFor(page, 'Organization 1 - Name').selectOption({ label: 'Company' })
    await expect
      .poll(() => cells(page, 2))
      .toEqual(['Acme Logistics', '深圳华通物流', "O'Brien Freight, Ltd.", 'Saigon Freight'])
    // The job title read as the role; a column change the user makes is what gets imported.
    await mappingFor(page, 'Organization 1 - Title').selectOption({ label: 'Not imported' })
    await expect.poll(() => mappingFor(page, 'Organization 1 - Title').inputValue()).toBe('')

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
    expect(await page.getByRole('table', { name: 'What each column of the file becomes' }).count()).toBe(0)
    expect(await names(page)).toEqual(['Ana García', 'Nguyễn Văn An', "Siobhán O'Brien"])
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

  it('names the line of a file with no readable record and leaves the journal byte for byte as it was', async () => {
    await run.app.journal.handlers.createPerson({ person: { name: 'Ada Lovelace' } })
    const before = sha256(await readFile(run.app.file))
    const nobody = join(run.app.dir, 'nobody.csv')
    await writeFile(nobody, 'First Name,Last Name,Connected On\n,,02 Jun 2022\n,,15 Mar 2021\n')
    run.expectRefused(/^importPick: invalid-input: Line 2: this row has no name, company, email or phone to go by\./)
    const { page } = run.ui
    await pick(page, nobody)
    await page
      .getByRole('alert')
      .filter({
        hasText:
          /^Line 2: this row has no name, company, email or phone to go by\. No contact in this file could be read\. 1 more/
      })
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

  it('imports a Google export whose one card has no name, naming it after its company and marking it (issue 15, item 8)', async () => {
    const { page } = run.ui
    await pick(page, join(CONTACTS, 'noname.vcf'))
    await page.getByRole('heading', { level: 2, name: 'noname.vcf: 2 contacts' }).waitFor()
    expect(await names(page)).toEqual(['Ana García', 'Mystery Corp'])
    await rowOf(page, 'Mystery Corp').getByText('No name in the file: named after the company').waitFor()
    await page.getByText('1 contact without a name, named after their company, email or phone.').waitFor()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page
      .getByRole('status', { name: 'Import finished' })
      .getByText('2 people added, 0 merged, 0 skipped.')
      .waitFor()
    expect((await readJournalFile(run.app)).people.map((p) => [p.name, p.company, p.email])).toEqual([
      ['Ana García', '', 'ana.garcia@acme.example'],
      ['Mystery Corp', 'Mystery Corp', 'someone@example.com']
    ])
  })

  it('imports every readable card and lists each skipped one with its line, reason and text', async () => {
    const { page } = run.ui
    await pick(page, join(CONTACTS, 'odd-cards.vcf'))
    await page.getByRole('heading', { level: 2, name: 'odd-cards.vcf: 7 contacts' }).waitFor()
    const skipped = page.getByRole('region', { name: 'Not imported: 2 records that could not be read' })
    const records = skipped.getByRole('listitem')
    expect(await records.count()).toBe(2)
    expect(await records.nth(0).locator('p').innerText()).toBe(
      'Line 41: this card has no name, company, email or phone to go by.'
    )
    expect(await records.nth(0).locator('pre').innerText()).toBe(
      'BEGIN:VCARD\nVERSION:3.0\nNOTE:Someone from the trade fair. No card, no name.\nEND:VCARD'
    )
    expect(await records.nth(1).locator('p').innerText()).toBe(
      'Line 45: these lines are outside any card (a card goes from BEGIN:VCARD to END:VCARD).'
    )
    expect(await records.nth(1).locator('pre').innerText()).toBe('Thanks for importing!')
    // An address that is not one is kept, and said so beside the contact.
    await page
      .getByRole('list', { name: 'Read differently for Test Contact One' })
      .getByText(
        '“contact1@invalid” does not look like an email address: it is kept as written, with the other emails.'
      )
      .waitFor()
    expect(await rowOf(page, 'Test Contact One').locator('.emails span').allInnerTexts()).toEqual([
      'contact1@valid-domain.example',
      'contact1@invalid'
    ])
    await rowOf(page, 'Nordic Reefer Lines').getByText('No name in the file: named after the company').waitFor()

    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page
      .getByRole('status', { name: 'Import finished' })
      .getByText('7 people added, 0 merged, 0 skipped; 2 records in the file could not be read.')
      .waitFor()
    const people = (await readJournalFile(run.app)).people
    expect(people.map((p) => p.name)).toEqual(expectedNames('odd-cards.vcf'))
    expect(people[1]).toMatchObject({ email: 'contact1@valid-domain.example', otherEmails: ['contact1@invalid'] })
    // The person's page keeps the address the file gave, as written.
    await page.goto(`${run.app.url}#/person/${people[1]!.id}`)
    const about = page.getByRole('region', { name: 'About' })
    await about.getByText('contact1@invalid', { exact: true }).waitFor()
    expect(await about.locator('dt').allTextContents()).toEqual(['Email', 'Other emails'])
  })

  it('shows a possible duplicate for the user to decide, wraps long addresses, and merges when told to', async () => {
    const long = 'procurement.department.asia-pacific.regional.office@northwind-logistics-international.example'
    const kenji = await run.app.journal.handlers.createPerson({ person: { name: 'Kenji Watanabe', email: long } })
    const file = join(run.app.dir, 'contacts.csv')
    await writeFile(
      file,
      [
        'First Name,Last Name,Organization Name,E-mail 1 - Value,Phone 1 - Value,Notes',
        `Mariko,Sato,Northwind Logistics,${long},+81 3 5555 0101,Shares the procurement inbox`,
        'Hemi,Walker,Te Ika Shipping,hemi.walker@teika.example ::: hemi@home.example,+64 9 555 0199,',
        `Aroha,Ngata,Tāmaki Freight,aroha.ngata.head-of-partnerships@tamaki-freight-and-logistics.example,,`,
        ',,,,,Connected 02 Jun 2022'
      ].join('\n')
    )
    const { page } = run.ui
    await pick(page, file)
    await page.getByRole('heading', { level: 2, name: 'contacts.csv: 3 contacts' }).waitFor()
    await rowOf(page, 'Mariko Sato').getByText('Possible duplicate', { exact: true }).waitFor()
    expect(await actionFor(page, 'Mariko Sato').inputValue()).toBe('add')
    expect(await actionFor(page, 'Mariko Sato').locator('option').allInnerTexts()).toEqual([
      'Add as new',
      'Merge into Kenji Watanabe',
      'Skip'
    ])
    await page.getByText('1 possible duplicate: same email, another name. Choose for each.').waitFor()
    expect(await actionFor(page, 'Hemi Walker').inputValue()).toBe('add')
    await page.getByRole('region', { name: 'Not imported: 1 record that could not be read' }).waitFor()

    // The preview as README shows it: the columns folded away, the table and the skipped record in view.
    const shoot = async (ui: Page, name: string) => {
      await ui.getByText('Columns: 6 of 6 imported').click()
      await ui.getByRole('table', { name: 'What each column of the file becomes' }).waitFor({ state: 'hidden' })
      await ui.getByRole('heading', { level: 2, name: 'contacts.csv: 3 contacts' }).scrollIntoViewIfNeeded()
      await screenshot(ui, name)
    }
    await shoot(page, 'import-preview-light')
    const dark = await openUi(run.browser, run.app, { colorScheme: 'dark' })
    try {
      await pick(dark.page, file)
      await dark.page.getByRole('heading', { level: 2, name: 'contacts.csv: 3 contacts' }).waitFor()
      await shoot(dark.page, 'import-preview-dark')
      await dark.page.getByRole('button', { name: 'Cancel' }).click()
    } finally {
      await dark.close()
    }
    // In a narrow window the longest address wraps inside its cell: the table never runs past the card.
    await page.setViewportSize({ width: 760, height: 800 })
    await expect
      .poll(() =>
        page.evaluate<boolean>(
          "(() => { const t = document.querySelector('.preview-table'); return t.scrollWidth <= t.parentElement.clientWidth })()"
        )
      )
      .toBe(true)

    await actionFor(page, 'Mariko Sato').selectOption('merge')
    await page.getByText('2 to add, 1 to merge, 0 to skip.').waitFor()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page
      .getByRole('status', { name: 'Import finished' })
      .getByText('2 people added, 1 merged, 0 skipped; 1 record in the file could not be read.')
      .waitFor()
    const people = (await readJournalFile(run.app)).people
    expect(people.find((p) => p.id === kenji.id)).toMatchObject({
      name: 'Kenji Watanabe',
      company: 'Northwind Logistics',
      phone: '+81 3 5555 0101',
      howWeMet: 'Shares the procurement inbox'
    })
    expect(people.map((p) => p.name)).toEqual(['Kenji Watanabe', 'Hemi Walker', 'Aroha Ngata'])
    expect(people[1]).toMatchObject({ email: 'hemi.walker@teika.example', otherEmails: ['hemi@home.example'] })
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
