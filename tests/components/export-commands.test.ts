/** The export menu items (calendar, vCard, this person) and the link-style setting, in the whole app over a real journal. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanup, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NO_SHELL } from '../../src/core/api/shell-port.ts'
import { parseVCards } from '../../src/core/transfer/vcard.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { seedVaultJournal } from '../support/vault-journal.ts'
import type { VaultIds } from '../support/vault-journal.ts'
import { menuEvents, renderApp } from './journal-fixtures.ts'

let journal: TempJournal
let ids: VaultIds
let out: string
const dialogs = { folder: '', saveAs: '' }

beforeEach(async () => {
  out = await makeTempDir('rapport-export-ui-')
  dialogs.folder = join(out, 'Vault', 'Rapport')
  dialogs.saveAs = join(out, 'follow-ups.ics')
  journal = await openTempJournal(undefined, undefined, {
    ...NO_SHELL,
    pickFolder: async () => dialogs.folder,
    pickSaveFile: async () => dialogs.saveAs
  })
  ids = await seedVaultJournal(journal.handlers, new Date())
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
  await rm(out, { recursive: true, force: true })
})

describe('Export Calendar of Follow-ups (.ics) in the menu', () => {
  it('saves the calendar where the user picks and says what it holds', async () => {
    const menu = menuEvents()
    renderApp(journal.bridge, '#/today', menu)
    await screen.findByRole('heading', { level: 1, name: 'Today' })
    menu.send('export-ics')
    expect(
      await screen.findByText(
        `Saved 3 open follow-ups and 2 keep-in-touch dates to ${dialogs.saveAs}. Import it into your calendar app.`
      )
    ).toBeInTheDocument()
    expect(await readFile(dialogs.saveAs, 'utf8')).toMatch(
      /^BEGIN:VCALENDAR\r\n[\s\S]*SUMMARY:I owe 陈静: Send the Mandarin deck\r\n/
    )
  })

  it('shows the refusal when the file picked is someone else’s', async () => {
    await writeFile(dialogs.saveAs, 'my calendar')
    const menu = menuEvents()
    renderApp(journal.bridge, '#/today', menu)
    await screen.findByRole('heading', { level: 1, name: 'Today' })
    menu.send('export-ics')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'is not a calendar Rapport wrote; Rapport will not replace it.'
    )
    expect(await readFile(dialogs.saveAs, 'utf8')).toBe('my calendar')
  })
})

describe('Export Contacts (vCard) and Export This Person as vCard in the menu', () => {
  it('saves everyone as vCard 4.0 where the user picks and says how many', async () => {
    dialogs.saveAs = join(out, 'contacts.vcf')
    const menu = menuEvents()
    renderApp(journal.bridge, '#/today', menu)
    await screen.findByRole('heading', { level: 1, name: 'Today' })
    menu.send('export-vcard')
    expect(
      await screen.findByText(
        `Saved 5 contacts to ${dialogs.saveAs}. Google Contacts, Apple Contacts and Outlook import it.`
      )
    ).toBeInTheDocument()
    const text = await readFile(dialogs.saveAs, 'utf8')
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/)
    const exported = parseVCards(new TextEncoder().encode(text)).candidates.map((c) => c.name)
    const everyone = (await journal.handlers.listPeople({})).map((p) => p.name)
    expect(exported.sort()).toEqual(everyone.sort())
  })

  it('saves only the person whose page is open, and asks for a page elsewhere', async () => {
    dialogs.saveAs = join(out, 'ana.vcf')
    const menu = menuEvents()
    renderApp(journal.bridge, `#/person/${ids.ana}`, menu)
    await screen.findByRole('heading', { level: 1, name: 'Ana García' })
    menu.send('export-person-vcard')
    expect(
      await screen.findByText(
        `Saved 1 contact to ${dialogs.saveAs}. Google Contacts, Apple Contacts and Outlook import it.`
      )
    ).toBeInTheDocument()
    expect(parseVCards(await readFile(dialogs.saveAs)).candidates).toMatchObject([
      { name: 'Ana García', company: 'Acme Logistics', role: 'CFO', tags: ['champion', 'Q1 renewal', 'EMEA / Iberia'] }
    ])
    cleanup()
    renderApp(journal.bridge, '#/today', menu)
    await screen.findByRole('heading', { level: 1, name: 'Today' })
    menu.send('export-person-vcard')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Open a person’s page first, then export them from there.'
    )
  })
})

describe('Export This Person to Markdown in the menu', () => {
  it('writes the person’s file, the very file the full export writes, and reports it', async () => {
    const menu = menuEvents()
    renderApp(journal.bridge, `#/person/${ids.ana}`, menu)
    await screen.findByRole('heading', { level: 1, name: 'Ana García' })
    menu.send('export-person')
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        `Exported 1 Markdown file to ${dialogs.folder}: 1 file written.`
      )
    )
    const alone = await readFile(join(dialogs.folder, 'People', 'Ana García.md'), 'utf8')
    dialogs.folder = join(out, 'Everyone')
    await journal.handlers.exportMarkdown({})
    expect(alone).toBe(await readFile(join(dialogs.folder, 'People', 'Ana García.md'), 'utf8'))
  })

  it('asks for a person’s page when on another view', async () => {
    const menu = menuEvents()
    renderApp(journal.bridge, '#/today', menu)
    await screen.findByRole('heading', { level: 1, name: 'Today' })
    menu.send('export-person')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Open a person’s page first, then export them from there.'
    )
  })

  it('reports a user’s edited file it kept when exporting again', async () => {
    await journal.handlers.exportMarkdown({ personIds: [ids.ana] })
    await writeFile(join(dialogs.folder, 'People', 'Ana García.md'), 'my notes')
    await journal.handlers.updatePerson({ id: ids.ana, patch: { role: 'CEO' } })
    const menu = menuEvents()
    renderApp(journal.bridge, `#/person/${ids.ana}`, menu)
    await screen.findByRole('heading', { level: 1, name: 'Ana García' })
    menu.send('export-person')
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        /Kept your copy of People\/Ana García\.md as People\/Ana García \(edited \d{4}-\d{2}-\d{2}\)\.md\./
      )
    )
  })
})

describe('the link style setting', () => {
  it('is saved, and the next export inside a vault follows it', async () => {
    await mkdir(join(out, 'Vault', '.obsidian'), { recursive: true })
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/settings')
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Links between files' }),
      'Always Markdown links'
    )
    expect(await screen.findByText('Link style saved.')).toBeInTheDocument()
    await waitFor(async () => expect((await journal.handlers.getSettings({})).settings.markdownLinks).toBe('markdown'))
    await user.click(screen.getByRole('button', { name: 'Export to Markdown…' }))
    expect(await screen.findByText(/^Exported 7 Markdown files to /)).toBeInTheDocument()
    expect(await readFile(join(dialogs.folder, 'index.md'), 'utf8')).toContain(
      '[Ana García](People/Ana%20Garc%C3%ADa.md)'
    )
  })
})
