/** The import screen over a real journal: the mapping step, the preview's marks, and what a refusal leaves. */
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanup, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NO_SHELL } from '../../src/core/api/shell-port.ts'
import { CONTACTS } from '../support/contacts.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { renderApp } from './journal-fixtures.ts'

let journal: TempJournal
let out: string
const dialog = { file: '' }
beforeEach(async () => {
  out = await makeTempDir('rapport-import-ui-')
  journal = await openTempJournal(undefined, undefined, { ...NO_SHELL, pickFile: async () => dialog.file })
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
  await rm(out, { recursive: true, force: true })
})

async function choose(file: string): Promise<ReturnType<typeof userEvent.setup>> {
  dialog.file = file
  const user = userEvent.setup()
  renderApp(journal.bridge, '#/import')
  await user.click(await screen.findByRole('button', { name: 'Choose a file…' }))
  return user
}

describe('the import screen', () => {
  it('shows what each column of Google’s newer export becomes, names kept whole and File As left out', async () => {
    await choose(join(CONTACTS, 'google-new.csv'))
    await screen.findByRole('heading', { level: 2, name: 'google-new.csv: 4 contacts' })
    expect(screen.getByText('Columns: 14 of 36 imported')).toBeInTheDocument()
    const mapping = screen.getByRole('table', { name: 'What each column of the file becomes' })
    expect(within(mapping).getByRole('combobox', { name: 'What “Middle Name” becomes' })).toHaveValue('middleName')
    expect(within(mapping).getByRole('combobox', { name: 'What “File As” becomes' })).toHaveValue('')
    expect(within(mapping).getByRole('row', { name: /^File As Beethoven, Ludwig van/ })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'What importing each contact will do' })
    expect([...table.querySelectorAll('.contact-name')].map((cell) => cell.textContent)).toEqual([
      'Ludwig van Beethoven',
      'Dr. Ada King PhD',
      'Harbour Cranes BV',
      'Mei Tanaka'
    ])
    expect(within(table).getByText('No name in the file: named after the company')).toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'Read differently for Mei Tanaka' })).toHaveTextContent(
      '“mei.tanaka at example dot com” does not look like an email address'
    )
    const skipped = screen.getByRole('region', { name: 'Not imported: 1 record that could not be read' })
    expect(
      within(skipped).getByText(',,,,,,,,,,,,,,,,* myContacts,,,,,,,,,,,,,,,,,,Profile,https://example.com/someone')
    ).toBeInTheDocument()
  })

  it('keeps the mapping in force, and its select, when a change is refused', async () => {
    const file = join(out, 'names.csv')
    await writeFile(file, 'Name,Notes\nAna García,Met at SIL\n')
    const user = await choose(file)
    const name = await screen.findByRole('combobox', { name: 'What “Name” becomes' })
    await user.selectOptions(name, '')
    expect(await screen.findByRole('alert')).toHaveTextContent('no column is chosen for the name')
    expect(screen.getByRole('combobox', { name: 'What “Name” becomes' })).toHaveValue('name')
    expect(screen.getByText('Columns: 2 of 2 imported')).toBeInTheDocument()
  })
})
