import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { renderApp } from './journal-fixtures.ts'
import { findToast, openSeededJournal, readStored, readStoredText } from './seller-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

const nameField = () => within(screen.getByRole('form', { name: 'Your name' })).getByLabelText('Your name')
const myInterests = () => screen.getByRole('region', { name: 'My interests' })
const labels = (list: HTMLElement) =>
  within(list)
    .getAllByRole('link')
    .map((l) => l.textContent?.trim())

describe('Me', () => {
  it('saves your name, says so, and shows it again next time', async () => {
    journal = await openTempJournal()
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/me')

    expect(await screen.findByRole('heading', { level: 1, name: 'Me' })).toBeInTheDocument()
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Me' })).toHaveAttribute(
      'aria-current',
      'page'
    )
    await waitFor(() => expect(nameField()).toHaveValue(''))
    await user.type(nameField(), 'Sam Rivera')
    await user.click(within(screen.getByRole('form', { name: 'Your name' })).getByRole('button', { name: 'Save' }))

    await findToast('Saved.')
    expect((await readStored(journal.file)).me).toEqual({ name: 'Sam Rivera' })

    cleanup()
    renderApp(journal.bridge, '#/me')
    await waitFor(() => expect(nameField()).toHaveValue('Sam Rivera'))
  })

  it('saves the name with Enter, trimmed', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/me')

    await waitFor(() => expect(nameField()).toHaveValue('Sam Rivera'))
    await user.clear(nameField())
    await user.type(nameField(), '  Samantha Rivera  {Enter}')

    await findToast('Saved.')
    expect((await readStored(journal.file)).me).toEqual({ name: 'Samantha Rivera' })
  })

  it('lists your interests, never “in common” with yourself, and adds and removes them with Undo', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/me')

    const list = await within(await screen.findByRole('region', { name: 'My interests' })).findByRole('list', {
      name: 'My interests'
    })
    expect(labels(list)).toEqual(['Real Madrid', 'Trail running'])
    expect(list).not.toHaveTextContent('in common')
    expect(within(list).getByRole('link', { name: 'Real Madrid' })).toHaveAttribute('href', '#/interest/Real%20Madrid')

    await user.click(within(myInterests()).getByRole('button', { name: 'Add interest' }))
    await user.type(within(myInterests()).getByLabelText('Interest'), 'Jazz')
    await user.selectOptions(within(myInterests()).getByLabelText('Category'), 'media')
    await user.type(within(myInterests()).getByLabelText('Note'), 'Blue Note records')
    await user.click(within(myInterests()).getByRole('button', { name: 'Add' }))

    await waitFor(() =>
      expect(labels(within(myInterests()).getByRole('list', { name: 'My interests' }))).toEqual([
        'Jazz',
        'Real Madrid',
        'Trail running'
      ])
    )
    expect(
      (await readStored(journal.file)).interests
        .filter((i) => i.ownerId === 'me')
        .map((i) => [i.label, i.category, i.note])
    ).toEqual([
      ['Real Madrid', 'sport', ''],
      ['Trail running', 'hobby', ''],
      ['Jazz', 'media', 'Blue Note records']
    ])

    const before = await readStoredText(journal.file)
    await user.click(within(myInterests()).getByRole('button', { name: 'Remove Trail running' }))
    const toast = await findToast('“Trail running” was deleted.')
    await waitFor(() =>
      expect(labels(within(myInterests()).getByRole('list', { name: 'My interests' }))).toEqual(['Jazz', 'Real Madrid'])
    )
    await user.click(within(toast).getByRole('button', { name: 'Undo' }))
    await waitFor(() =>
      expect(labels(within(myInterests()).getByRole('list', { name: 'My interests' }))).toEqual([
        'Jazz',
        'Real Madrid',
        'Trail running'
      ])
    )
    expect(await readStoredText(journal.file)).toBe(before)
  })

  // Regression: MeView.svelte's reload $effect once copied the saved name back into the field after every
  // saved change, so a name being typed was lost when an interest was added or removed before Save.
  it('keeps a name being typed when an interest is added before saving', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/me')

    await waitFor(() => expect(nameField()).toHaveValue('Sam Rivera'))
    await user.clear(nameField())
    await user.type(nameField(), 'Samantha Rivera')
    await user.click(within(myInterests()).getByRole('button', { name: 'Add interest' }))
    await user.type(within(myInterests()).getByLabelText('Interest'), 'Jazz{Enter}')
    await waitFor(() => expect(within(myInterests()).getByRole('link', { name: 'Jazz' })).toBeInTheDocument())

    await waitFor(() => expect(nameField()).toHaveValue('Samantha Rivera'))
  })
})
