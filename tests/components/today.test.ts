import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { addPeople, person, renderApp } from './journal-fixtures.ts'
import {
  dayFromToday,
  findRegion,
  journalClock,
  mondayThisWeek,
  openSeededJournal,
  readStored,
  region,
  rowOf,
  rowTitles,
  shownDay,
  timeFromToday
} from './seller-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

describe('Today: nothing to do', () => {
  it('says nothing needs you and points to People', async () => {
    journal = await openTempJournal()
    await addPeople(journal.bridge, [person('Ada Lovelace')])

    renderApp(journal.bridge, '#/today')

    expect(await screen.findByRole('heading', { level: 2, name: 'Nothing needs you today' })).toBeInTheDocument()
    expect(
      screen.getByText(/Follow-ups you owe or are owed, people you have not talked to in a while/)
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to People' })).toHaveAttribute('href', '#/people')
    expect(screen.getByText(shownDay(dayFromToday(0)))).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: /^Overdue/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Due today' })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Keep in touch' })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'This week' })).not.toBeInTheDocument()
  })
})

describe('Today: follow-ups', () => {
  it('splits overdue from due today, counts them, and links each to its person', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    renderApp(journal.bridge, '#/today')

    const overdue = await findRegion('Overdue · 2 follow-ups')
    expect(within(overdue).getByRole('heading', { level: 2 })).toHaveTextContent('Overdue · 2 follow-ups')
    // Oldest first; the promise kept late on Ana's page is done, so it is not here.
    expect(rowTitles(overdue)).toEqual(['Return the signed NDA', 'Send trail race photos'])
    const nda = rowOf(overdue, 'Return the signed NDA')
    expect(nda).toHaveTextContent('They owe')
    expect(nda).toHaveTextContent(`Kenji Watanabe · due ${shownDay(dayFromToday(-4))}, 4 days late`)
    expect(within(nda).getByRole('link', { name: 'Kenji Watanabe' })).toHaveAttribute(
      'href',
      `#/person/${seeded.kenjiId}`
    )
    const photos = rowOf(overdue, 'Send trail race photos')
    expect(photos).toHaveTextContent('I owe')
    expect(photos).toHaveTextContent(`Priya Natarajan · due ${shownDay(dayFromToday(-2))}, 2 days late`)
    expect(within(photos).getByRole('link', { name: 'Priya Natarajan' })).toHaveAttribute(
      'href',
      `#/person/${seeded.priyaId}`
    )

    const dueToday = region('Due today')
    expect(rowTitles(dueToday)).toEqual(['Send two pricing options'])
    const pricing = rowOf(dueToday, 'Send two pricing options')
    expect(pricing).toHaveTextContent(`Ana García · due ${shownDay(dayFromToday(0))}`)
    expect(pricing).not.toHaveTextContent('late')
    expect(within(pricing).getByRole('link', { name: 'Ana García' })).toHaveAttribute(
      'href',
      `#/person/${seeded.anaId}`
    )
    // Not yet due: Ana owes carrier volumes in three days, so it waits in the week ahead, not among today's.
    expect(within(overdue).queryByText('Share carrier volumes for 2026')).not.toBeInTheDocument()
    expect(within(dueToday).queryByText('Share carrier volumes for 2026')).not.toBeInTheDocument()
    expect(
      within(screen.getByRole('region', { name: 'The next 7 days' })).getByText('Share carrier volumes for 2026')
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Nothing needs you today' })).not.toBeInTheDocument()
  })

  it('says “1 follow-up” for a single overdue one', async () => {
    journal = await openTempJournal()
    const [ada] = await addPeople(journal.bridge, [person('Ada Lovelace')])
    await journal.bridge.addFollowUp({
      followUp: {
        personId: ada!.id,
        title: 'Send the notes',
        dueDate: dayFromToday(-1),
        direction: 'i-owe',
        conversationId: null
      }
    })

    renderApp(journal.bridge, '#/today')

    const overdue = await findRegion('Overdue · 1 follow-up')
    expect(rowOf(overdue, 'Send the notes')).toHaveTextContent('1 day late')
  })

  it('marks a follow-up done: it leaves Today, the count drops, and the file has completedOn', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/today')

    await findRegion('Overdue · 2 follow-ups')
    await user.click(screen.getByRole('button', { name: 'Mark “Return the signed NDA” done' }))

    const overdue = await findRegion('Overdue · 1 follow-up')
    expect(rowTitles(overdue)).toEqual(['Send trail race photos'])
    expect(screen.queryByText('Return the signed NDA')).not.toBeInTheDocument()
    const stored = await readStored(journal.file)
    const nda = stored.followUps.find((f) => f.title === 'Return the signed NDA')!
    expect(nda.completedOn).toBe(dayFromToday(0))
    expect(stored.followUps.find((f) => f.title === 'Send trail race photos')!.completedOn).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Mark “Send trail race photos” done' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: /^Overdue/ })).not.toBeInTheDocument())
    await user.click(screen.getByRole('button', { name: 'Mark “Send two pricing options” done' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Due today' })).not.toBeInTheDocument())

    const after = await readStored(journal.file)
    expect(
      after.followUps
        .filter((f) => f.completedOn === dayFromToday(0))
        .map((f) => f.title)
        .sort()
    ).toEqual(['Return the signed NDA', 'Send trail race photos', 'Send two pricing options'])
  })
})

describe('Today: keep in touch', () => {
  it('lists people past their cadence with days since last contact, or since they were added', async () => {
    const clock = journalClock()
    journal = await openTempJournal(undefined, clock.now)
    clock.travelTo(-75)
    const [kenji, priya, ana, , archived] = await addPeople(journal.bridge, [
      { name: 'Kenji Watanabe', cadenceDays: 30 },
      { name: 'Priya Natarajan', cadenceDays: 21 },
      { name: 'Ana García', cadenceDays: 14 },
      { name: 'Tomás Oliveira' },
      { name: 'Old Contact', cadenceDays: 7 }
    ])
    await journal.bridge.updatePerson({ id: archived!.id, patch: { archived: true } })
    clock.travelTo(-40)
    const [lena] = await addPeople(journal.bridge, [{ name: 'Lena Fischer', cadenceDays: 30 }])
    clock.backToNow()
    const talk = (id: string, days: number, title: string) =>
      journal!.bridge.logConversation({
        conversation: { personIds: [id], date: timeFromToday(days), channel: 'call', title, body: '' },
        followUps: []
      })
    await talk(kenji!.id, -75, 'Rate card')
    await talk(priya!.id, -20, 'Ops review')
    await talk(ana!.id, -15, 'Pricing')

    renderApp(journal.bridge, '#/today')

    const lapsed = await findRegion('Keep in touch')
    const names = within(lapsed)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.title')?.textContent)
    // Most overdue first: Kenji is 45 days past his 30, Lena 10 past hers, Ana 1 past her 14.
    expect(names).toEqual(['Kenji Watanabe', 'Lena Fischer', 'Ana García'])
    const row = (name: string) => within(lapsed).getByRole('link', { name }).closest('li') as HTMLElement
    expect(row('Kenji Watanabe')).toHaveTextContent('Last contact 75 days ago · every 30 days')
    expect(within(lapsed).getByRole('link', { name: 'Kenji Watanabe' })).toHaveAttribute(
      'href',
      `#/person/${kenji!.id}`
    )
    expect(row('Lena Fischer')).toHaveTextContent('No conversation yet, added 40 days ago · every 30 days')
    expect(within(lapsed).getByRole('link', { name: 'Lena Fischer' })).toHaveAttribute('href', `#/person/${lena!.id}`)
    expect(row('Ana García')).toHaveTextContent('Last contact 15 days ago · every 14 days')
    // Within cadence, no cadence, or archived: not nagged about.
    expect(within(lapsed).queryByText('Priya Natarajan')).not.toBeInTheDocument()
    expect(within(lapsed).queryByText('Tomás Oliveira')).not.toBeInTheDocument()
    expect(within(lapsed).queryByText('Old Contact')).not.toBeInTheDocument()
  })
})

describe('Today: this week', () => {
  it("lists this week's conversations, newest first, with links to everyone in them", async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    await journal.bridge.logConversation({
      conversation: {
        personIds: [seeded.anaId, seeded.priyaId],
        date: timeFromToday(0, 0, 5),
        channel: 'meeting',
        title: 'Reconciliation workshop',
        body: ''
      },
      followUps: []
    })
    await journal.bridge.logConversation({
      conversation: {
        personIds: [seeded.tomasId],
        date: timeFromToday(-8),
        channel: 'email',
        title: 'Security questionnaire',
        body: ''
      },
      followUps: []
    })
    renderApp(journal.bridge, '#/today')

    const week = await findRegion('This week')
    // The seeded pricing call was yesterday: this week unless today is Monday.
    const yesterdayThisWeek = dayFromToday(-1) >= mondayThisWeek()
    expect(rowTitles(week)).toEqual([
      'Reconciliation workshop',
      ...(yesterdayThisWeek ? ['Pricing for the Q1 renewal'] : [])
    ])
    const workshop = rowOf(week, 'Reconciliation workshop')
    expect(workshop).toHaveTextContent('Meeting')
    expect(workshop).toHaveTextContent(`${shownDay(dayFromToday(0))} · Ana García`)
    expect(within(workshop).getByRole('link', { name: 'Ana García' })).toHaveAttribute(
      'href',
      `#/person/${seeded.anaId}`
    )
    expect(within(workshop).getByRole('link', { name: 'Priya Natarajan' })).toHaveAttribute(
      'href',
      `#/person/${seeded.priyaId}`
    )
    expect(within(week).queryByText('Security questionnaire')).not.toBeInTheDocument()
    expect(within(week).queryByText('Intro call: Ana meets Priya')).not.toBeInTheDocument()
  })
  // Regression: WeekList.svelte once joined names with `{#if i > 0}, {/if}`; Svelte drops the whitespace at
  // the end of a block, so the names read “Ana García,Priya Natarajan”.
  it('separates the people of a conversation with a comma and a space', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    await journal.bridge.logConversation({
      conversation: {
        personIds: [seeded.anaId, seeded.priyaId],
        date: timeFromToday(0, 0, 5),
        channel: 'meeting',
        title: 'Reconciliation workshop',
        body: ''
      },
      followUps: []
    })
    renderApp(journal.bridge, '#/today')

    const week = await findRegion('This week')
    expect(
      rowOf(week, 'Reconciliation workshop').querySelector('.detail')?.textContent?.replace(/\s+/g, ' ').trim()
    ).toBe(`${shownDay(dayFromToday(0))} · Ana García, Priya Natarajan`)
  })
})
