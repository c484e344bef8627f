import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { addPeople, listedNames, manualClock, person, readJournalFile, renderApp } from './journal-fixtures.ts'

let journal: TempJournal
const clock = manualClock('2026-05-04T09:00:00.000Z')

beforeEach(async () => {
  clock.set('2026-05-04T09:00:00.000Z')
  journal = await openTempJournal(undefined, clock.now)
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
})

async function confirmDelete(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  await user.click(await screen.findByRole('button', { name: `Delete ${name}` }))
  expect(screen.getByText(`Delete ${name} and everything only about them?`)).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Delete' }))
}

describe('Person page: editing a person', () => {
  it('changes the page and the journal file, keeping the id and creation time', async () => {
    const [ada] = await addPeople(journal.bridge, [person('Ada Lovelace', 'Analytical Engines', 'Mathematician')])
    clock.set('2026-05-05T14:30:00.000Z')
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${ada!.id}`)

    await user.click(await screen.findByRole('button', { name: 'Edit profile' }))
    const form = screen.getByRole('form', { name: 'Edit Ada Lovelace' })
    expect(within(form).getByLabelText('Name')).toHaveValue('Ada Lovelace')
    expect(within(form).getByLabelText('Company')).toHaveValue('Analytical Engines')
    expect(within(form).getByLabelText('Role')).toHaveValue('Mathematician')
    await user.clear(within(form).getByLabelText('Company'))
    await user.type(within(form).getByLabelText('Company'), 'Babbage & Co')
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    expect(await screen.findByText('Mathematician · Babbage & Co')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Ada Lovelace' })).not.toBeInTheDocument())
    expect(screen.queryByText('Mathematician · Analytical Engines')).not.toBeInTheDocument()
    expect((await readJournalFile(journal.file)).people).toEqual([
      { ...ada, company: 'Babbage & Co', updatedAt: '2026-05-05T14:30:00.000Z' }
    ])
  })

  it('asks for a name and saves nothing when the name is cleared', async () => {
    const [ada] = await addPeople(journal.bridge, [person('Ada Lovelace')])
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${ada!.id}`)

    await user.click(await screen.findByRole('button', { name: 'Edit profile' }))
    const form = screen.getByRole('form', { name: 'Edit Ada Lovelace' })
    await user.clear(within(form).getByLabelText('Name'))
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    expect(within(form).getByRole('alert')).toHaveTextContent('A person needs a name.')
    expect(within(form).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
    expect((await readJournalFile(journal.file)).people).toEqual([ada])
  })

  it('leaves the person unchanged when the edit is cancelled with Escape', async () => {
    const [ada] = await addPeople(journal.bridge, [person('Ada Lovelace', 'Analytical Engines')])
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${ada!.id}`)

    await user.click(await screen.findByRole('button', { name: 'Edit profile' }))
    const form = screen.getByRole('form', { name: 'Edit Ada Lovelace' })
    await user.clear(within(form).getByLabelText('Name'))
    await user.type(within(form).getByLabelText('Name'), 'Someone Else{Escape}')

    expect(screen.queryByRole('form', { name: 'Edit Ada Lovelace' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument()
    expect(screen.queryByText('Someone Else')).not.toBeInTheDocument()
    expect((await readJournalFile(journal.file)).people).toEqual([ada])
  })
})

describe('Person page: deleting a person', () => {
  it('asks first, and Keep keeps the person', async () => {
    const [ada] = await addPeople(journal.bridge, [person('Ada Lovelace')])
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${ada!.id}`)

    await user.click(await screen.findByRole('button', { name: 'Delete Ada Lovelace' }))
    expect(screen.getByText('Delete Ada Lovelace and everything only about them?')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Keep' }))

    expect(screen.queryByText('Delete Ada Lovelace and everything only about them?')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Delete Ada Lovelace' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument()
    expect((await readJournalFile(journal.file)).people).toEqual([ada])
  })

  it('deletes after confirming, from the list and the file, and offers Undo', async () => {
    const [ada] = await addPeople(journal.bridge, [person('Ada Lovelace'), person('Grace Hopper')])
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${ada!.id}`)

    await confirmDelete(user, 'Ada Lovelace')

    const toast = await screen.findByText('Ada Lovelace was deleted.')
    expect(
      within(toast.closest('[role="status"]') as HTMLElement).getByRole('button', { name: 'Undo' })
    ).toBeInTheDocument()
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeInTheDocument()
    await waitFor(() => expect(listedNames()).toEqual(['Grace Hopper']))
    expect((await readJournalFile(journal.file)).people.map((p) => p.name)).toEqual(['Grace Hopper'])
  })

  it('restores a deleted person exactly with Undo, at the same place', async () => {
    await addPeople(journal.bridge, [person('Chen Wei', 'Umbrella')])
    clock.set('2026-05-04T10:00:00.000Z')
    const [boris] = await addPeople(journal.bridge, [person('Boris Ivanov', 'Initech', 'Buyer')])
    clock.set('2026-05-04T10:30:00.000Z')
    await journal.bridge.updatePerson({ id: boris!.id, patch: { tags: ['warm lead'] } })
    clock.set('2026-05-04T11:00:00.000Z')
    await addPeople(journal.bridge, [person('Ada Lovelace')])
    clock.set('2026-05-06T08:00:00.000Z')
    const before = await readJournalFile(journal.file)
    expect(before.people.map((p) => p.name)).toEqual(['Chen Wei', 'Boris Ivanov', 'Ada Lovelace'])
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${boris!.id}`)

    await confirmDelete(user, 'Boris Ivanov')
    await screen.findByText('Boris Ivanov was deleted.')
    await waitFor(() => expect(listedNames()).toEqual(['Ada Lovelace', 'Chen Wei']))
    await user.click(screen.getByRole('button', { name: 'Undo' }))

    expect(await screen.findByText('Boris Ivanov is back.')).toBeInTheDocument()
    await waitFor(() => expect(listedNames()).toEqual(['Ada Lovelace', 'Boris Ivanov', 'Chen Wei']))
    expect(screen.queryByText('Boris Ivanov was deleted.')).not.toBeInTheDocument()
    expect(screen.getByText('Buyer · Initech')).toBeInTheDocument()
    expect(await readJournalFile(journal.file)).toEqual(before)
  })

  it('shows why a delete failed when the person is already gone from the journal', async () => {
    const [ada] = await addPeople(journal.bridge, [person('Ada Lovelace')])
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${ada!.id}`)
    await user.click(await screen.findByRole('button', { name: 'Delete Ada Lovelace' }))

    // Deleted elsewhere (say, by the command line) while the app still shows her.
    await journal.bridge.deletePerson({ id: ada!.id })
    await user.click(screen.getByRole('button', { name: 'Delete' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('That person is no longer in the journal.')
    expect(screen.queryByText('Ada Lovelace was deleted.')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
