import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { addPeople, listedNames, person, renderApp } from './journal-fixtures.ts'

let journal: TempJournal

beforeEach(async () => {
  journal = await openTempJournal()
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
})

async function backToPeople(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'People' }))
  await screen.findByRole('list', { name: 'People' })
}

describe('People: order of the list', () => {
  it('lists people by name, ignoring case and accents, with numbers in number order', async () => {
    await addPeople(
      journal.bridge,
      ['zoë Quinn', 'Émile Zola', 'Client 10', 'adam Smith', 'emil Berg', 'Bob', 'Client 2'].map((n) => person(n))
    )

    renderApp(journal.bridge)

    await screen.findByRole('list', { name: 'People' })
    expect(listedNames()).toEqual([
      'adam Smith',
      'Bob',
      'Client 2',
      'Client 10',
      'emil Berg',
      'Émile Zola',
      'zoë Quinn'
    ])
    expect(screen.getByText('7')).toBeInTheDocument()
  })

  it('puts a newly added person in name order, not at the end', async () => {
    await addPeople(
      journal.bridge,
      ['Álvaro', 'Zed'].map((n) => person(n))
    )
    const user = userEvent.setup()
    renderApp(journal.bridge)
    await screen.findByRole('list', { name: 'People' })

    await user.click(screen.getByRole('button', { name: 'Add person' }))
    await user.keyboard('brigitte{Enter}')
    await screen.findByRole('heading', { level: 1, name: 'brigitte' })
    await backToPeople(user)

    await waitFor(() => expect(listedNames()).toEqual(['Álvaro', 'brigitte', 'Zed']))
  })

  it('moves a renamed person to their new place in the list', async () => {
    const [anna] = await addPeople(
      journal.bridge,
      ['Anna', 'Bea', 'Carl'].map((n) => person(n))
    )
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${anna!.id}`)

    await user.click(await screen.findByRole('button', { name: 'Edit profile' }))
    const form = screen.getByRole('form', { name: 'Edit Anna' })
    await user.clear(within(form).getByLabelText('Name'))
    await user.type(within(form).getByLabelText('Name'), 'Önder{Enter}')
    await screen.findByRole('heading', { level: 1, name: 'Önder' })
    await backToPeople(user)

    await waitFor(() => expect(listedNames()).toEqual(['Bea', 'Carl', 'Önder']))
  })
})
