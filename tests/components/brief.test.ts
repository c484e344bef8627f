/**
 * The pre-call brief in the app: its blocks in the order a seller reads them seconds before dialling, each
 * line the very text `rapport brief` prints. Dates on Today and the person page's date editor too.
 */
import { cleanup, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { briefText } from '../../src/cli/brief-text.ts'
import { BRIEF_SECTIONS } from '../support/brief-fixtures.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { renderApp } from './journal-fixtures.ts'
import { dayFromToday, findRegion, openSeededJournal, readStored, region, timeFromToday } from './seller-fixtures.ts'

let journal: TempJournal | undefined
afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

/** Ana from the seeded journal, with a birthday in three days, an old promise and a match she did not enjoy. */
async function anaWithMore() {
  const seeded = await openSeededJournal()
  journal = seeded.journal
  const api = journal.handlers
  const [, month, day] = dayFromToday(3).split('-')
  await api.updatePerson({
    id: seeded.anaId,
    patch: {
      importantDates: [{ label: 'Birthday', date: `--${month}-${day}`, repeats: 'yearly', remindDaysBefore: null }]
    }
  })
  await api.addFollowUp({
    followUp: {
      personId: seeded.anaId,
      title: 'Send recording and slides',
      dueDate: dayFromToday(-401),
      direction: 'i-owe',
      conversationId: null
    }
  })
  await api.addInterest({ interest: { ownerId: seeded.anaId, label: 'Atlético', category: 'sport', note: '' } })
  await api.logConversation({
    conversation: {
      personIds: [seeded.anaId],
      date: timeFromToday(-6),
      channel: 'message',
      title: 'Quick check-in',
      body: 'Short call, 10 minutes.\n\nAtlético lost the derby; she didn’t want to talk about it.\nProcurement approved €40k for the pilot.'
    },
    followUps: []
  })
  return seeded
}

describe('the pre-call brief', () => {
  it('shows its blocks in order, before-you-dial first, each line as the text brief prints it', async () => {
    const { anaId } = await anaWithMore()
    renderApp(journal!.bridge, `#/brief/${anaId}`)
    await screen.findByRole('heading', { level: 1, name: 'Ana García' })
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(BRIEF_SECTIONS)
    const brief = await journal!.handlers.getBrief({ id: anaId })
    const text = briefText(brief)

    const dial = region('Before you dial')
    expect(within(dial).getByText('No calls before 9:30 — school run.')).toBeInTheDocument()
    expect(within(dial).getByText('Birthday in 3 days')).toBeInTheDocument()
    expect(within(dial).getByText('Their time')).toBeInTheDocument()
    expect(dial).toHaveTextContent(brief.beforeYouDial.localTime!.zone)

    const points = within(region('Talking points')).getAllByRole('listitem')
    const shown = points.filter((li) => li.dataset.kind).map((li) => li.textContent)
    expect(shown).toEqual(brief.talkingPoints.map((p) => p.text))
    for (const point of shown) expect(text).toContain(point)
    expect(shown.join('\n')).not.toContain('Atlético')
    expect(within(region('Talking points')).getByText('Not suggested as openers')).toBeInTheDocument()
    expect(region('Talking points')).toHaveTextContent('Atlético — “Atlético lost the derby;')

    const commitments = region('Open commitments')
    expect(within(commitments).getByRole('list', { name: 'By what matters now' })).toHaveTextContent(
      'You owe them: “Send two pricing options” · due today'
    )
    expect(within(commitments).getByText('1 older open item (more than 60 days late)')).toBeInTheDocument()
    expect(within(commitments).getByText(/Send recording and slides/)).not.toBeVisible()

    const changed = region('What changed since last time')
    expect(within(changed).getByText('“Procurement approved €40k for the pilot.”')).toBeInTheDocument()
    expect(changed).toHaveTextContent('“Quick check-in” · a decision (“approved”), money (€40k)')

    const recent = within(region('Last conversations'))
      .getAllByRole('listitem')
      .find((li) => li.textContent.includes('Quick check-in'))
    expect(recent).toHaveTextContent('Atlético lost the derby')
    expect(recent).not.toHaveTextContent('Short call, 10 minutes.')
  })

  it('keeps a transactional person’s brief short: no openers, and a reminder to bring the numbers', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    renderApp(journal.bridge, `#/brief/${seeded.kenjiId}`)
    const points = await findRegion('Talking points')
    const items = await within(points).findAllByRole('listitem')
    expect(items[0]).toHaveTextContent('Keep it short and bring the numbers · no small talk')
    const style = within(region('Before you dial')).getByText('Relationship style').nextElementSibling
    expect(style).toHaveTextContent('Prefers transactional')
    expect(style?.querySelector('q')).toHaveTextContent('Send me the numbers, keep it short.')
    expect(within(region('Before you dial')).getByText('None noted.')).toBeInTheDocument()
  })
})

describe('important dates in the app', () => {
  it('lists a birthday coming up on Today, linking to the person and the brief', async () => {
    const { anaId } = await anaWithMore()
    renderApp(journal!.bridge, '#/today')
    const dates = await findRegion('Dates coming up')
    expect(within(dates).getByText('Birthday in 3 days')).toBeInTheDocument()
    expect(within(dates).getByRole('link', { name: 'Ana García' })).toHaveAttribute('href', `#/person/${anaId}`)
    expect(within(dates).getByRole('link', { name: 'Brief' })).toHaveAttribute('href', `#/brief/${anaId}`)
  })

  it('adds a contract renewal from the person page, and refuses a date without one', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = userEvent.setup()
    renderApp(journal.bridge, `#/person/${seeded.kenjiId}`)
    const section = await findRegion('Important dates')
    await user.click(within(section).getByRole('button', { name: 'Add date' }))
    const form = within(section).getByRole('form', { name: 'New date' })
    const label = within(form).getByLabelText('Label')
    await user.clear(label)
    await user.type(label, 'Contract renewal')
    await user.click(within(form).getByRole('button', { name: 'Add' }))
    expect(within(form).getByRole('alert')).toHaveTextContent('Pick the date.')
    await user.type(within(form).getByLabelText('Date'), '2027-03-31')
    await user.click(within(form).getByLabelText('Every year'))
    await user.type(within(form).getByLabelText('Remind days before'), '30')
    await user.click(within(form).getByRole('button', { name: 'Add' }))
    await within(section).findByText('Contract renewal')
    const kenji = (await readStored(journal.file)).people.find((p) => p.id === seeded.kenjiId)!
    expect(kenji.importantDates).toEqual([
      { label: 'Contract renewal', date: '2027-03-31', repeats: 'once', remindDaysBefore: 30 }
    ])
    expect(within(section).getByText(/once · remind 30 days before$/)).toBeInTheDocument()
  })
})
