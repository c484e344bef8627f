import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { TempJournal } from '../support/temp-journal.ts'
import { renderApp } from './journal-fixtures.ts'
import {
  findToast,
  onPersonPage,
  openSeededJournal,
  readStored,
  readStoredText,
  region,
  showPersonPage
} from './seller-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

/** The interests shown in a chips list, first to last. */
function chipLabels(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('link')
    .map((link) => link.textContent?.trim() ?? '')
}
const chipOf = (list: HTMLElement, label: string): HTMLElement =>
  within(list).getByRole('link', { name: label }).closest('li') as HTMLElement
const sidebar = (name: 'Today' | 'People' | 'Me') =>
  within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name })

describe('Interests on a person page', () => {
  it('adds an interest with its category and note, to the page and the file', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = await showPersonPage(journal.bridge, seeded.tomasId, 'Tomás Oliveira')
    const section = region('Interests')
    expect(within(section).getByText('No interests yet: teams, food, family, places, hobbies…')).toBeInTheDocument()
    const before = await readStoredText(journal.file)

    await user.click(within(section).getByRole('button', { name: 'Add interest' }))
    const form = within(section).getByRole('form', { name: 'New interest' })
    expect(within(section).getByRole('button', { name: 'Add interest' })).toBeDisabled()
    await user.click(within(form).getByRole('button', { name: 'Add' }))
    expect(within(form).getByRole('alert')).toHaveTextContent('Name the interest.')
    expect(await readStoredText(journal.file)).toBe(before)

    await user.type(within(form).getByLabelText('Interest'), 'Sailing')
    await user.selectOptions(within(form).getByLabelText('Category'), 'hobby')
    await user.type(within(form).getByLabelText('Note'), 'Races a J/70 on Sundays')
    await user.click(within(form).getByRole('button', { name: 'Add' }))

    const link = await within(section).findByRole('link', { name: 'Sailing' })
    const list = within(section).getByRole('list', { name: 'Interests' })
    expect(within(section).queryByRole('form', { name: 'New interest' })).not.toBeInTheDocument()
    expect(link).toHaveAttribute('href', '#/interest/Sailing')
    expect(link).toHaveAttribute('title', 'Races a J/70 on Sundays')
    expect(chipOf(list, 'Sailing')).toHaveTextContent('hobby')
    expect(chipOf(list, 'Sailing')).not.toHaveTextContent('in common')
    const stored = await readStored(journal.file)
    expect(stored.interests.filter((i) => i.ownerId === seeded.tomasId)).toEqual([
      expect.objectContaining({ label: 'Sailing', category: 'hobby', note: 'Races a J/70 on Sundays' })
    ])
  })

  it('adds with Ctrl+Enter and cancels with Escape', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = await showPersonPage(journal.bridge, seeded.tomasId, 'Tomás Oliveira')
    const section = region('Interests')
    const before = await readStoredText(journal.file)

    await user.click(within(section).getByRole('button', { name: 'Add interest' }))
    await user.type(within(section).getByLabelText('Interest'), 'Chess{Escape}')
    expect(within(section).queryByRole('form', { name: 'New interest' })).not.toBeInTheDocument()
    expect(await readStoredText(journal.file)).toBe(before)

    await user.click(within(section).getByRole('button', { name: 'Add interest' }))
    await user.clear(within(section).getByLabelText('Interest'))
    await user.type(within(section).getByLabelText('Interest'), 'Chess{Control>}{Enter}{/Control}')
    await waitFor(() => expect(chipLabels(within(section).getByRole('list', { name: 'Interests' }))).toEqual(['Chess']))
    expect(
      (await readStored(journal.file)).interests.filter((i) => i.ownerId === seeded.tomasId).map((i) => i.label)
    ).toEqual(['Chess'])
  })

  it('marks interests shared with Me “in common” and lists them first, including one added on the Me view', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = await showPersonPage(journal.bridge, seeded.anaId, 'Ana García')

    // Me has Real Madrid: it comes first and is in common; the rest by label.
    let list = within(region('Interests')).getByRole('list', { name: 'Interests' })
    expect(chipLabels(list)).toEqual(['Real Madrid', 'Kids’ football', 'Sourdough'])
    expect(chipOf(list, 'Real Madrid')).toHaveTextContent('sport · in common')
    expect(chipOf(list, 'Real Madrid')).toHaveClass('common')
    expect(chipOf(list, 'Sourdough')).toHaveTextContent(/^Sourdough\s*food\s*✎?\s*×?$/)
    expect(chipOf(list, 'Sourdough')).not.toHaveClass('common')

    await user.click(sidebar('Me'))
    const mine = await screen.findByRole('region', { name: 'My interests' })
    await user.click(within(mine).getByRole('button', { name: 'Add interest' }))
    // Matching ignores case and spacing.
    await user.type(within(mine).getByLabelText('Interest'), '  sourdough ')
    await user.selectOptions(within(mine).getByLabelText('Category'), 'food')
    await user.click(within(mine).getByRole('button', { name: 'Add' }))
    await waitFor(() =>
      expect(chipLabels(within(mine).getByRole('list', { name: 'My interests' }))).toEqual([
        'Real Madrid',
        'sourdough',
        'Trail running'
      ])
    )

    await user.click(sidebar('People'))
    await user.click(await screen.findByRole('link', { name: /Ana García/ }))
    await onPersonPage('Ana García')
    list = within(region('Interests')).getByRole('list', { name: 'Interests' })
    expect(chipLabels(list)).toEqual(['Real Madrid', 'Sourdough', 'Kids’ football'])
    expect(chipOf(list, 'Sourdough')).toHaveTextContent('food · in common')
    expect(chipOf(list, 'Sourdough')).toHaveClass('common')
    expect(chipOf(list, 'Kids’ football')).not.toHaveTextContent('in common')
  })

  it('opens the interest view listing everyone with it, and from there their pages', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    // Kenji spells it differently; the same interest all the same.
    await journal.bridge.addInterest({
      interest: { ownerId: seeded.kenjiId, label: 'real  madrid', category: 'sport', note: '' }
    })
    const user = await showPersonPage(journal.bridge, seeded.anaId, 'Ana García')

    await user.click(within(region('Interests')).getByRole('link', { name: 'Real Madrid' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Real Madrid' })).toBeInTheDocument()
    expect(location.hash).toBe('#/interest/Real%20Madrid')
    expect(screen.getByText('Everyone with this interest')).toBeInTheDocument()
    const people = await screen.findByRole('list', { name: 'People interested in Real Madrid' })
    const links = within(people).getAllByRole('link')
    expect(links.map((l) => l.querySelector('.name')?.textContent)).toEqual(['Ana García', 'Kenji Watanabe'])
    expect(within(people).getByText('CFO · Acme Logistics')).toBeInTheDocument()
    // The user shares it, but is not one of the people.
    expect(within(people).queryByText('Sam Rivera')).not.toBeInTheDocument()
    expect(sidebar('People')).toHaveAttribute('aria-current', 'page')

    await user.click(links[1]!)
    await onPersonPage('Kenji Watanabe')
    expect(chipLabels(within(region('Interests')).getByRole('list', { name: 'Interests' }))).toEqual(['real  madrid'])
    expect(within(region('Interests')).getByText(/in common/)).toBeInTheDocument()
  })

  it('says nobody has an interest that only the user has', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/me')

    const mine = await screen.findByRole('list', { name: 'My interests' })
    expect(within(mine).getByRole('link', { name: 'Trail running' })).toBeInTheDocument()
    await journal.bridge.deleteInterest({
      id: (await readStored(journal.file)).interests.find((i) => i.ownerId === seeded.priyaId)!.id
    })
    await user.click(within(mine).getByRole('link', { name: 'Trail running' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Trail running' })).toBeInTheDocument()
    expect(await screen.findByText('Nobody in your journal has this interest.')).toBeInTheDocument()
  })

  it('removes an interest in one click, and Undo brings it back exactly', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = await showPersonPage(journal.bridge, seeded.anaId, 'Ana García')
    const before = await readStoredText(journal.file)

    await user.click(within(region('Interests')).getByRole('button', { name: 'Remove Sourdough' }))

    const toast = await findToast('“Sourdough” was deleted.')
    await waitFor(() =>
      expect(chipLabels(within(region('Interests')).getByRole('list', { name: 'Interests' }))).toEqual([
        'Real Madrid',
        'Kids’ football'
      ])
    )
    expect((await readStored(journal.file)).interests.map((i) => i.label)).not.toContain('Sourdough')

    await user.click(within(toast).getByRole('button', { name: 'Undo' }))

    await findToast('“Sourdough” is back.')
    await waitFor(() =>
      expect(chipLabels(within(region('Interests')).getByRole('list', { name: 'Interests' }))).toEqual([
        'Real Madrid',
        'Kids’ football',
        'Sourdough'
      ])
    )
    expect(within(region('Interests')).getByRole('link', { name: 'Sourdough' })).toHaveAttribute(
      'title',
      'Sunday baking'
    )
    expect(await readStoredText(journal.file)).toBe(before)
  })
})
