import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RapportBridge } from '../../src/shared/api.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { readJournalFile, renderApp } from './journal-fixtures.ts'

let journal: TempJournal

beforeEach(async () => {
  journal = await openTempJournal()
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
})

async function openNewPersonForm(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: 'Add your first person' }))
  return screen.getByRole('form', { name: 'New person' })
}

describe('People: adding a person', () => {
  it('shows the empty state with a way to add the first person', async () => {
    renderApp(journal.bridge)

    expect(await screen.findByRole('heading', { name: 'Your journal is empty' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Add your first person' })).toBeEnabled()
    expect(screen.queryByRole('list', { name: 'People' })).not.toBeInTheDocument()
  })

  it('adds a person through the form, opens their page, lists them and saves them to the file', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge)
    const form = await openNewPersonForm(user)

    expect(within(form).getByLabelText('Name')).toHaveFocus()
    await user.keyboard('Ada Lovelace')
    await user.type(within(form).getByLabelText('Company'), 'Analytical Engines')
    await user.type(within(form).getByLabelText('Role'), 'Mathematician')
    await user.click(within(form).getByRole('button', { name: 'Add person' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument()
    expect(screen.getByText('Mathematician · Analytical Engines')).toBeInTheDocument()
    const saved = (await readJournalFile(journal.file)).people
    expect(saved).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', company: 'Analytical Engines', role: 'Mathematician' })
    ])
    expect(location.hash).toBe(`#/person/${saved[0]!.id}`)

    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'People' }))
    const list = await screen.findByRole('list', { name: 'People' })
    expect(within(list).getByRole('link', { name: /Ada Lovelace/ })).toHaveAttribute('href', `#/person/${saved[0]!.id}`)
  })

  it('submits the form with Enter and saves the trimmed name', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge)
    await openNewPersonForm(user)

    await user.keyboard('  Grace Hopper  {Enter}')

    expect(await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeInTheDocument()
    expect((await readJournalFile(journal.file)).people.map((p) => p.name)).toEqual(['Grace Hopper'])
  })

  it('asks for a name when the name is empty or blank, and saves nothing', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge)
    const form = await openNewPersonForm(user)
    const name = within(form).getByLabelText('Name')

    await user.type(within(form).getByLabelText('Company'), 'Initech')
    await user.click(within(form).getByRole('button', { name: 'Add person' }))

    expect(within(form).getByRole('alert')).toHaveTextContent('A person needs a name.')
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveAccessibleDescription('A person needs a name.')
    expect(name).toHaveFocus()

    await user.keyboard('   {Enter}')
    expect(within(form).getByRole('alert')).toHaveTextContent('A person needs a name.')
    expect(within(form).getByLabelText('Company')).toHaveValue('Initech')
    expect((await readJournalFile(journal.file)).people).toEqual([])
  })

  it('counts a long name against the 200-character limit as it is typed, and accepts 200', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge)
    const form = await openNewPersonForm(user)
    const name = within(form).getByLabelText('Name')

    // Nothing is cut mid-word: the whole name stays in the box and the count says by how much it is over.
    await fireEvent.input(name, { target: { value: 'x'.repeat(210) } })
    expect(name).toHaveValue('x'.repeat(210))
    expect(within(form).getByText('· 210 / 200')).toHaveClass('over')
    await fireEvent.input(name, { target: { value: 'x'.repeat(200) } })
    expect(within(form).getByText('· 200 / 200')).not.toHaveClass('over')
    await user.click(within(form).getByRole('button', { name: 'Add person' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'x'.repeat(200) })).toBeInTheDocument()
    expect((await readJournalFile(journal.file)).people.map((p) => p.name)).toEqual(['x'.repeat(200)])
  })

  it('refuses a name over 200 characters with a clear message and saves nothing', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge)
    const form = await openNewPersonForm(user)
    const name = within(form).getByLabelText('Name')

    await fireEvent.input(name, { target: { value: 'y'.repeat(201) } })
    await user.click(within(form).getByRole('button', { name: 'Add person' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'A name is at most 200 characters; this one has 201.'
    )
    expect(name).toHaveValue('y'.repeat(201))
    expect(within(form).getByRole('button', { name: 'Add person' })).toBeEnabled()
    expect(location.hash).toBe('#/people')
    expect((await readJournalFile(journal.file)).people).toEqual([])
  })

  it('cancels the form with Escape without saving', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge)
    await openNewPersonForm(user)

    await user.keyboard('Ada{Escape}')

    expect(screen.queryByRole('form', { name: 'New person' })).not.toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Your journal is empty' })).toBeInTheDocument()
    expect((await readJournalFile(journal.file)).people).toEqual([])
  })

  it('cancels the form with the Cancel button without saving', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge)
    const form = await openNewPersonForm(user)

    await user.keyboard('Ada')
    await user.click(within(form).getByRole('button', { name: 'Cancel' }))

    expect(screen.queryByRole('form', { name: 'New person' })).not.toBeInTheDocument()
    expect((await readJournalFile(journal.file)).people).toEqual([])
  })

  it('keeps the form open with what was typed when saving fails, and shows why', async () => {
    const message = 'Rapport could not save the journal to /x/journal.json: ENOSPC. Nothing was changed.'
    const failing: RapportBridge = {
      ...journal.bridge,
      createPerson: async () => ({ ok: false, error: { code: 'save-failed', message } })
    }
    const user = userEvent.setup()
    renderApp(failing)
    const form = await openNewPersonForm(user)

    await user.keyboard('Ada Lovelace')
    await user.type(within(form).getByLabelText('Company'), 'Analytical Engines')
    await user.type(within(form).getByLabelText('Role'), 'Mathematician')
    await user.click(within(form).getByRole('button', { name: 'Add person' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent(message)
    expect(screen.getByRole('form', { name: 'New person' })).toBe(form)
    expect(within(form).getByLabelText('Name')).toHaveValue('Ada Lovelace')
    expect(within(form).getByLabelText('Company')).toHaveValue('Analytical Engines')
    expect(within(form).getByLabelText('Role')).toHaveValue('Mathematician')
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Add person' })).toBeEnabled())
    expect(location.hash).toBe('#/people')
    expect((await readJournalFile(journal.file)).people).toEqual([])
  })
})
