import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import type userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { TempJournal } from '../support/temp-journal.ts'
import {
  dayFromToday,
  findToast,
  openSeededJournal,
  promiseLine,
  readStored,
  readStoredText,
  region,
  rowOf,
  rowTitles,
  shownDay,
  showPersonPage
} from './seller-fixtures.ts'
import type { SeededJournal } from './seller-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

async function openPage(
  name: 'Ana García' | 'Kenji Watanabe'
): Promise<{ seeded: SeededJournal; user: ReturnType<typeof userEvent.setup> }> {
  const seeded = await openSeededJournal()
  journal = seeded.journal
  const user = await showPersonPage(journal.bridge, name === 'Ana García' ? seeded.anaId : seeded.kenjiId, name)
  return { seeded, user }
}

const openList = () => within(region('Commitments')).getByRole('list', { name: 'Open commitments' })
const doneList = () => within(region('Commitments')).getByRole('list', { name: 'Done commitments' })

describe('Commitments: the promise record', () => {
  it('shows both ways, and keeping a promise on its due day counts it on time', async () => {
    const { user } = await openPage('Ana García')

    // Seeded: the playbook was sent two days late; pricing options due today; carrier volumes due in 3 days.
    expect(promiseLine('My promises')).toBe('0 on time · 1 late · 0 overdue · 1 open')
    expect(promiseLine('Their promises')).toBe('0 on time · 0 late · 0 overdue · 1 open')
    expect(rowTitles(openList())).toEqual(['Send two pricing options', 'Share carrier volumes for 2026'])
    expect(rowOf(openList(), 'Send two pricing options')).toHaveTextContent(
      `I owe Send two pricing options due today, ${shownDay(dayFromToday(0))}`
    )
    expect(rowOf(openList(), 'Share carrier volumes for 2026')).toHaveTextContent(
      `They owe Share carrier volumes for 2026 due ${shownDay(dayFromToday(3))}`
    )

    await user.click(screen.getByRole('button', { name: 'Mark “Send two pricing options” done' }))

    await waitFor(() => expect(promiseLine('My promises')).toBe('1 on time · 1 late · 0 overdue · 0 open'))
    expect(promiseLine('Their promises')).toBe('0 on time · 0 late · 0 overdue · 1 open')
    expect(rowTitles(openList())).toEqual(['Share carrier volumes for 2026'])
    await user.click(screen.getByRole('button', { name: 'Show 2 done' }))
    expect(rowOf(doneList(), 'Send two pricing options')).toHaveTextContent(`done ${shownDay(dayFromToday(0))}`)
    expect(rowOf(doneList(), 'Send two pricing options')).not.toHaveTextContent('(late)')
    const stored = await readStored(journal!.file)
    expect(stored.followUps.find((f) => f.title === 'Send two pricing options')!.completedOn).toBe(dayFromToday(0))
  })

  it('counts a promise kept after its due day as late', async () => {
    const { user } = await openPage('Kenji Watanabe')

    expect(promiseLine('Their promises')).toBe('0 on time · 0 late · 1 overdue · 0 open')
    expect(promiseLine('My promises')).toBe('0 on time · 0 late · 0 overdue · 0 open')
    const nda = rowOf(openList(), 'Return the signed NDA')
    expect(nda).toHaveTextContent(`overdue since ${shownDay(dayFromToday(-4))}`)
    expect(nda.querySelector('.detail')).toHaveClass('danger-text')

    await user.click(within(nda).getByRole('button', { name: 'Mark “Return the signed NDA” done' }))

    await waitFor(() => expect(promiseLine('Their promises')).toBe('0 on time · 1 late · 0 overdue · 0 open'))
    expect(screen.getByText('No open commitments either way.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show 1 done' }))
    expect(screen.getByRole('button', { name: 'Hide 1 done' })).toHaveAttribute('aria-expanded', 'true')
    expect(rowOf(doneList(), 'Return the signed NDA')).toHaveTextContent(`done ${shownDay(dayFromToday(0))} (late)`)
  })

  it('reopens a done promise: it is open (here overdue) again and the file forgets completedOn', async () => {
    const { user } = await openPage('Ana García')

    const toggle = screen.getByRole('button', { name: 'Show 1 done' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(within(region('Commitments')).queryByRole('list', { name: 'Done commitments' })).not.toBeInTheDocument()
    await user.click(toggle)
    const playbook = rowOf(doneList(), 'Send Globex reconciliation playbook')
    expect(playbook).toHaveTextContent(`done ${shownDay(dayFromToday(-13))} (late)`)

    await user.click(within(playbook).getByRole('button', { name: 'Reopen “Send Globex reconciliation playbook”' }))

    await waitFor(() => expect(promiseLine('My promises')).toBe('0 on time · 0 late · 1 overdue · 1 open'))
    expect(rowTitles(openList())).toEqual([
      'Send Globex reconciliation playbook',
      'Send two pricing options',
      'Share carrier volumes for 2026'
    ])
    expect(rowOf(openList(), 'Send Globex reconciliation playbook')).toHaveTextContent(
      `overdue since ${shownDay(dayFromToday(-15))}`
    )
    expect(screen.queryByRole('button', { name: /^(Show|Hide) \d+ done$/ })).not.toBeInTheDocument()
    const stored = await readStored(journal!.file)
    expect(stored.followUps.find((f) => f.title === 'Send Globex reconciliation playbook')!.completedOn).toBeNull()
  })
})

describe('Commitments: editing, rescheduling, adding', () => {
  it('reschedules an overdue promise: new due date on the page and in the file, no longer overdue', async () => {
    const { user } = await openPage('Kenji Watanabe')

    await user.click(screen.getByRole('button', { name: 'Edit or reschedule “Return the signed NDA”' }))
    const form = screen.getByRole('form', { name: 'Edit follow-up' })
    expect(within(form).getByLabelText('Follow-up')).toHaveValue('Return the signed NDA')
    expect(within(form).getByLabelText('Due')).toHaveValue(dayFromToday(-4))
    expect(within(form).getByLabelText('Who owes it')).toHaveValue('they-owe')
    void fireEvent.input(within(form).getByLabelText('Due'), { target: { value: dayFromToday(7) } })
    await user.click(within(form).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit follow-up' })).not.toBeInTheDocument())
    const nda = rowOf(openList(), 'Return the signed NDA')
    await waitFor(() => expect(nda).toHaveTextContent(`due ${shownDay(dayFromToday(7))}`))
    expect(nda.querySelector('.detail')).not.toHaveClass('danger-text')
    expect(promiseLine('Their promises')).toBe('0 on time · 0 late · 0 overdue · 1 open')
    const stored = (await readStored(journal!.file)).followUps.find((f) => f.title === 'Return the signed NDA')!
    expect(stored).toMatchObject({
      dueDate: dayFromToday(7),
      direction: 'they-owe',
      completedOn: null,
      conversationId: null
    })
  })

  it('edits a promise from a conversation, keeping its link to the conversation', async () => {
    const { seeded, user } = await openPage('Ana García')
    const before = (await readStored(seeded.journal.file)).followUps.find(
      (f) => f.title === 'Share carrier volumes for 2026'
    )!
    expect(before.conversationId).not.toBeNull()

    await user.click(screen.getByRole('button', { name: 'Edit or reschedule “Share carrier volumes for 2026”' }))
    const form = screen.getByRole('form', { name: 'Edit follow-up' })
    await user.clear(within(form).getByLabelText('Follow-up'))
    await user.type(within(form).getByLabelText('Follow-up'), 'Share carrier volumes for 2026 and 2027')
    void fireEvent.input(within(form).getByLabelText('Due'), { target: { value: dayFromToday(10) } })
    await user.keyboard('{Control>}{Enter}{/Control}')

    await waitFor(() =>
      expect(rowTitles(openList())).toEqual(['Send two pricing options', 'Share carrier volumes for 2026 and 2027'])
    )
    const after = (await readStored(seeded.journal.file)).followUps.find((f) => f.id === before.id)!
    expect(after).toMatchObject({
      title: 'Share carrier volumes for 2026 and 2027',
      dueDate: dayFromToday(10),
      conversationId: before.conversationId,
      direction: 'they-owe'
    })
  })

  it('abandons an edit with Escape', async () => {
    const { seeded, user } = await openPage('Ana García')
    const before = await readStoredText(seeded.journal.file)

    await user.click(screen.getByRole('button', { name: 'Edit or reschedule “Send two pricing options”' }))
    const title = within(screen.getByRole('form', { name: 'Edit follow-up' })).getByLabelText('Follow-up')
    await user.clear(title)
    await user.type(title, 'Something else{Escape}')

    expect(screen.queryByRole('form', { name: 'Edit follow-up' })).not.toBeInTheDocument()
    expect(rowTitles(openList())).toEqual(['Send two pricing options', 'Share carrier volumes for 2026'])
    expect(await readStoredText(seeded.journal.file)).toBe(before)
  })

  it('adds a follow-up they owe, asking first for what is owed', async () => {
    const { seeded, user } = await openPage('Ana García')
    const before = await readStoredText(seeded.journal.file)

    await user.click(within(region('Commitments')).getByRole('button', { name: 'Add follow-up' }))
    const form = screen.getByRole('form', { name: 'New follow-up' })
    expect(within(form).getByLabelText('Due')).toHaveValue(dayFromToday(0))
    await user.click(within(form).getByRole('button', { name: 'Add' }))
    expect(within(form).getByRole('alert')).toHaveTextContent('Say what is owed.')
    expect(await readStoredText(seeded.journal.file)).toBe(before)

    await user.type(within(form).getByLabelText('Follow-up'), 'Send the signed order form')
    void fireEvent.input(within(form).getByLabelText('Due'), { target: { value: dayFromToday(1) } })
    await user.selectOptions(within(form).getByLabelText('Who owes it'), 'They owe me')
    await user.click(within(form).getByRole('button', { name: 'Add' }))

    await waitFor(() => expect(promiseLine('Their promises')).toBe('0 on time · 0 late · 0 overdue · 2 open'))
    expect(rowTitles(openList())).toEqual([
      'Send two pricing options',
      'Send the signed order form',
      'Share carrier volumes for 2026'
    ])
    expect(rowOf(openList(), 'Send the signed order form')).toHaveTextContent(
      `They owe Send the signed order form due ${shownDay(dayFromToday(1))}`
    )
    const added = (await readStored(seeded.journal.file)).followUps.find(
      (f) => f.title === 'Send the signed order form'
    )!
    expect(added).toMatchObject({
      personId: seeded.anaId,
      dueDate: dayFromToday(1),
      direction: 'they-owe',
      conversationId: null,
      completedOn: null
    })
  })
})

describe('Commitments: deleting', () => {
  it('deletes in one click and Undo restores the file byte for byte', async () => {
    const { seeded, user } = await openPage('Ana García')
    const before = await readStoredText(seeded.journal.file)

    await user.click(screen.getByRole('button', { name: 'Delete “Send two pricing options”' }))

    const toast = await findToast('“Send two pricing options” was deleted.')
    await waitFor(() => expect(rowTitles(openList())).toEqual(['Share carrier volumes for 2026']))
    expect(promiseLine('My promises')).toBe('0 on time · 1 late · 0 overdue · 0 open')
    expect((await readStored(seeded.journal.file)).followUps.map((f) => f.title)).not.toContain(
      'Send two pricing options'
    )

    await user.click(within(toast).getByRole('button', { name: 'Undo' }))

    await findToast('“Send two pricing options” is back.')
    await waitFor(() =>
      expect(rowTitles(openList())).toEqual(['Send two pricing options', 'Share carrier volumes for 2026'])
    )
    expect(promiseLine('My promises')).toBe('0 on time · 1 late · 0 overdue · 1 open')
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
    expect(await readStoredText(seeded.journal.file)).toBe(before)
  })
})
