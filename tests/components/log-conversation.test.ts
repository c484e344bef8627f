import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import type userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import type { Person } from '../../src/shared/schema/person.ts'
import { addPeople, person } from './journal-fixtures.ts'
import {
  dayFromToday,
  findToast,
  onPersonPage,
  readStored,
  readStoredText,
  region,
  rowTitles,
  shownDay,
  showPersonPage
} from './seller-fixtures.ts'

let journal: TempJournal
let ana: Person
let priya: Person
let archived: Person

beforeEach(async () => {
  journal = await openTempJournal()
  ;[ana, priya, archived] = (await addPeople(journal.bridge, [
    person('Ana García', 'Acme Logistics', 'CFO'),
    person('Priya Natarajan', 'Globex', 'VP Operations'),
    person('Old Contact', 'Gone Corp')
  ])) as [Person, Person, Person]
  await journal.bridge.updatePerson({ id: archived.id, patch: { archived: true } })
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
})

const logForm = (name = 'Ana García') => screen.getByRole('form', { name: `Log conversation with ${name}` })
const queryLogForm = (name = 'Ana García') => screen.queryByRole('form', { name: `Log conversation with ${name}` })

/** Sets a date or date-and-time field the way the browser's picker does: one input event with the value. */
function pick(input: HTMLElement, value: string): void {
  void fireEvent.input(input, { target: { value } })
  expect(input).toHaveValue(value)
}

async function openAnasPage(): Promise<ReturnType<typeof userEvent.setup>> {
  const user = await showPersonPage(journal.bridge, ana.id, 'Ana García')
  return user
}

describe('Log conversation: opening and closing', () => {
  it('opens with the N key, focused on an empty title', async () => {
    const user = await openAnasPage()
    expect(queryLogForm()).not.toBeInTheDocument()

    await user.keyboard('n')

    const form = logForm()
    expect(within(form).getByRole('heading', { name: 'Log conversation with Ana García' })).toBeInTheDocument()
    expect(within(form).getByLabelText('Title')).toHaveFocus()
    expect(within(form).getByLabelText('Title')).toHaveValue('')
    expect(within(form).getByText('Ctrl+Enter saves · Esc cancels')).toBeInTheDocument()
  })

  it('opens from the Log conversation button too', async () => {
    const user = await openAnasPage()

    await user.click(screen.getByRole('button', { name: 'Log conversation' }))

    expect(within(logForm()).getByLabelText('Title')).toHaveFocus()
  })

  it('does not open when N is typed in a field', async () => {
    const user = await openAnasPage()

    await user.click(within(region('Interests')).getByRole('button', { name: 'Add interest' }))
    const interest = within(region('Interests')).getByLabelText('Interest')
    await user.type(interest, 'Running in Nantes')
    await user.click(within(region('About')).getByRole('button', { name: 'Edit profile' }))
    const drives = within(screen.getByRole('form', { name: 'Edit Ana García' })).getByLabelText('What drives them')
    await user.type(drives, 'Nothing unplanned')
    await user.selectOptions(within(region('Interests')).getByLabelText('Category'), 'hobby')
    within(region('Interests')).getByLabelText('Category').focus()
    await user.keyboard('n')

    expect(queryLogForm()).not.toBeInTheDocument()
    expect(interest).toHaveValue('Running in Nantes')
    expect(drives).toHaveValue('Nothing unplanned')
  })

  it('cancels with Escape without saving anything', async () => {
    const before = await readStoredText(journal.file)
    const user = await openAnasPage()

    await user.keyboard('n')
    await user.keyboard('Pricing call')
    await user.type(within(logForm()).getByLabelText('Notes (Markdown)'), 'Half-typed notes')
    await user.click(within(logForm()).getByRole('button', { name: '+ I owe them' }))
    await user.type(within(logForm()).getByLabelText('I owe them'), 'Send the deck{Escape}')

    expect(queryLogForm()).not.toBeInTheDocument()
    expect(screen.getByText(/No conversations yet/)).toBeInTheDocument()
    expect(screen.queryByText('Conversation logged.')).not.toBeInTheDocument()
    expect(await readStoredText(journal.file)).toBe(before)

    // Opening it again starts from an empty form.
    await user.keyboard('n')
    expect(within(logForm()).getByLabelText('Title')).toHaveValue('')
    expect(within(logForm()).getByLabelText('Notes (Markdown)')).toHaveValue('')
  })

  it('closes with Cancel without saving anything', async () => {
    const before = await readStoredText(journal.file)
    const user = await openAnasPage()

    await user.keyboard('n')
    await user.keyboard('Pricing call')
    await user.click(within(logForm()).getByRole('button', { name: 'Cancel' }))

    expect(queryLogForm()).not.toBeInTheDocument()
    expect(await readStoredText(journal.file)).toBe(before)
  })
})

describe('Log conversation: saving', () => {
  it('takes the first line of the notes for a missing title, and saves nothing with neither', async () => {
    const before = await readStoredText(journal.file)
    const user = await openAnasPage()

    await user.keyboard('n')
    // A title of spaces and no notes: nothing to call the conversation by.
    await user.type(within(logForm()).getByLabelText('Title'), '   {Control>}{Enter}{/Control}')
    expect(within(logForm()).getByRole('alert')).toHaveTextContent('Write a title or a note.')
    expect(await readStoredText(journal.file)).toBe(before)

    await user.type(within(logForm()).getByLabelText('Notes (Markdown)'), 'Renewal is safe\nCFO signs Friday')
    await user.click(within(logForm()).getByRole('button', { name: 'Save conversation' }))
    await findToast('Conversation logged.')
    expect((await readStored(journal.file)).conversations.map((c) => c.title)).toEqual(['Renewal is safe'])
  })

  it('saves with Ctrl+Enter: the conversation and follow-ups both ways, linked, in the file and on the page', async () => {
    const user = await openAnasPage()

    await user.keyboard('n')
    const form = logForm()
    await user.keyboard('Pricing for the Q1 renewal')
    pick(within(form).getByLabelText('When'), `${dayFromToday(-2)}T15:30`)
    await user.selectOptions(within(form).getByLabelText('Channel'), 'Meeting')
    await user.click(within(form).getByRole('button', { name: '+ I owe them' }))
    await user.click(within(form).getByRole('button', { name: '+ They owe me' }))
    const mine = within(form).getByLabelText('I owe them')
    const theirs = within(form).getByLabelText('They owe me')
    await user.type(mine, 'Send two pricing options')
    pick(within(mine.closest('.inline-form') as HTMLElement).getByLabelText('Due'), dayFromToday(2))
    await user.type(theirs, 'Share carrier volumes for 2026')
    pick(within(theirs.closest('.inline-form') as HTMLElement).getByLabelText('Due'), dayFromToday(5))
    await user.type(
      within(form).getByLabelText('Notes (Markdown)'),
      'She needs **two options**: annual and multi-year.{Control>}{Enter}{/Control}'
    )

    await findToast('Conversation logged.')
    // The form closes once the save's promise has gone back through the form, a tick after the toast.
    await waitFor(() => expect(queryLogForm()).not.toBeInTheDocument())
    const stored = await readStored(journal.file)
    expect(stored.conversations).toHaveLength(1)
    const conversation = stored.conversations[0]!
    expect(conversation).toMatchObject({
      personIds: [ana.id],
      date: new Date(`${dayFromToday(-2)}T15:30`).toISOString(),
      channel: 'meeting',
      title: 'Pricing for the Q1 renewal',
      body: 'She needs **two options**: annual and multi-year.'
    })
    expect(stored.followUps).toEqual([
      expect.objectContaining({
        personId: ana.id,
        title: 'Send two pricing options',
        dueDate: dayFromToday(2),
        direction: 'i-owe',
        conversationId: conversation.id,
        completedOn: null
      }),
      expect.objectContaining({
        personId: ana.id,
        title: 'Share carrier volumes for 2026',
        dueDate: dayFromToday(5),
        direction: 'they-owe',
        conversationId: conversation.id,
        completedOn: null
      })
    ])

    // The page shows it at once: the timeline, the commitments and the last contact.
    await waitFor(() =>
      expect(within(region('Conversations')).getByText('Pricing for the Q1 renewal')).toBeInTheDocument()
    )
    expect(within(region('Conversations')).getByText('two options', { selector: 'strong' })).toBeInTheDocument()
    expect(rowTitles(within(region('Commitments')).getByRole('list', { name: 'Open commitments' }))).toEqual([
      'Send two pricing options',
      'Share carrier volumes for 2026'
    ])
    expect(screen.getByText(`${shownDay(dayFromToday(-2))} (2 days ago)`)).toBeInTheDocument()
  })

  it('leaves out follow-up rows left empty, and a removed one', async () => {
    const user = await openAnasPage()

    await user.keyboard('n')
    const form = logForm()
    await user.keyboard('Coffee at the summit')
    await user.click(within(form).getByRole('button', { name: '+ I owe them' }))
    await user.click(within(form).getByRole('button', { name: '+ They owe me' }))
    await user.click(within(form).getByRole('button', { name: '+ I owe them' }))
    const drafts = within(form).getAllByRole('textbox', { name: /owe/ })
    await user.type(drafts[0]!, 'Send the case study')
    await user.type(drafts[1]!, 'Intro to their CTO')
    await user.click(within(form).getByRole('button', { name: 'Remove follow-up 1' }))
    expect(
      within(form)
        .getAllByRole('textbox', { name: /owe/ })
        .map((i) => (i as HTMLInputElement).value)
    ).toEqual(['Intro to their CTO', ''])
    await user.click(within(form).getByRole('button', { name: 'Save conversation' }))

    await findToast('Conversation logged.')
    const stored = await readStored(journal.file)
    expect(stored.followUps.map((f) => [f.title, f.direction])).toEqual([['Intro to their CTO', 'they-owe']])
  })

  it('logs one conversation with another person too, who then has it on their page', async () => {
    const user = await openAnasPage()

    await user.keyboard('n')
    const form = logForm()
    await user.keyboard('Intro call: Ana meets Priya')
    const also = within(form).getByRole('combobox', { name: 'Also with' })
    // A type-ahead over the journal's people, answered by its search.
    await user.type(also, 'natar')
    await within(form).findByRole('option', { name: /Priya Natarajan/ })
    await user.keyboard('{Enter}')

    const chips = within(form).getByRole('list', { name: 'Also with' })
    expect(within(chips).getByText(/Priya Natarajan/)).toBeInTheDocument()
    expect(within(chips).getByRole('button', { name: 'Remove Priya Natarajan' })).toBeInTheDocument()
    await waitFor(() => expect(also).toHaveValue(''))
    // Someone already in it is not offered again.
    await user.type(also, 'priya')
    await waitFor(() => expect(within(form).queryByRole('option', { name: /Priya/ })).not.toBeInTheDocument())
    await user.clear(also)
    await user.click(within(form).getByRole('button', { name: 'Save conversation' }))

    await findToast('Conversation logged.')
    const stored = await readStored(journal.file)
    expect(stored.conversations.map((c) => c.personIds)).toEqual([[ana.id, priya.id]])
    await waitFor(() =>
      expect(within(region('Conversations')).getByRole('link', { name: 'Priya Natarajan' })).toHaveAttribute(
        'href',
        `#/person/${priya.id}`
      )
    )

    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'People' }))
    await user.click(await screen.findByRole('link', { name: /Priya Natarajan/ }))
    await onPersonPage('Priya Natarajan')
    const timeline = await waitFor(() => region('Conversations'))
    expect(within(timeline).getByText('Intro call: Ana meets Priya')).toBeInTheDocument()
    expect(within(timeline).getByRole('link', { name: 'Ana García' })).toHaveAttribute('href', `#/person/${ana.id}`)
    expect(screen.getByText(/\(today\)$/)).toBeInTheDocument()
  })

  it('drops someone from “Also with” with their × button', async () => {
    const user = await openAnasPage()

    await user.keyboard('n')
    const form = logForm()
    await user.keyboard('Pricing call')
    await user.type(within(form).getByRole('combobox', { name: 'Also with' }), 'priya')
    await within(form).findByRole('option', { name: /Priya Natarajan/ })
    await user.keyboard('{Enter}')
    await user.click(within(form).getByRole('button', { name: 'Remove Priya Natarajan' }))
    expect(within(form).queryByRole('list', { name: 'Also with' })).not.toBeInTheDocument()
    await user.click(within(form).getByRole('button', { name: 'Save conversation' }))

    await findToast('Conversation logged.')
    expect((await readStored(journal.file)).conversations.map((c) => c.personIds)).toEqual([[ana.id]])
  })

  it('shows the core’s message inline for a 5 MB note and saves nothing', async () => {
    const before = await readStoredText(journal.file)
    const user = await openAnasPage()

    await user.keyboard('n')
    const form = logForm()
    await user.keyboard('Pasted the whole contract')
    const huge = 'Clause 1. The supplier shall deliver. '
      .repeat(Math.ceil((5 * 1024 * 1024) / 38))
      .slice(0, 5 * 1024 * 1024)
    void fireEvent.input(within(form).getByLabelText('Notes (Markdown)'), { target: { value: huge } })
    await user.click(within(form).getByRole('button', { name: 'Save conversation' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'The note is too long (at most 100,000 characters).'
    )
    expect(logForm()).toBe(form)
    expect(within(form).getByLabelText('Title')).toHaveValue('Pasted the whole contract')
    expect(within(form).getByRole('button', { name: 'Save conversation' })).toBeEnabled()
    expect(screen.queryByText('Conversation logged.')).not.toBeInTheDocument()
    expect(await readStoredText(journal.file)).toBe(before)
  })
})
