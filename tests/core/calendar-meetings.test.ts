/**
 * Today's meetings through the app's handlers: attendees matched to people by email, then by name (search's
 * folding and typo tolerance), the user's corrections remembered on the person, meetings logged shown as
 * done, the next meeting with someone — and nothing of the events ever copied into the journal.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Meeting } from '../../src/shared/calendar.ts'
import { minutesFrom, OWNER, writeCalendar } from '../support/calendar-files.ts'
import { storedJournal, storedText } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { PickingShell } from '../support/picking-shell.ts'

// Tuesday 11 March 2025, 9:50 in the computer's own time.
const NOW = new Date(2025, 2, 11, 9, 50)
const at = (days: number, hour: number, minute = 0) => new Date(2025, 2, 11 + days, hour, minute)

let journal: TempJournal
let shell: PickingShell
let ids: { marta: string; anna: string; jon: string; ana: string }

beforeEach(async () => {
  shell = new PickingShell()
  journal = await openTempJournal(undefined, () => NOW, shell)
  const add = async (name: string, email = '') => (await journal.handlers.createPerson({ person: { name, email } })).id
  ids = {
    marta: await add('Marta Nowak', 'marta.nowak@hudsonfreight.example'),
    anna: await add('Anna Kowalczyk', 'anna.k@baltic-freight.example'),
    jon: await add('Jon Park'),
    ana: await add('Ana García', 'ana.garcia@acme.example')
  }
  shell.files = [
    await writeCalendar(join(journal.dir, 'work.ics'), [
      {
        uid: 'marta-call',
        title: 'Hudson Freight: pricing',
        start: minutesFrom(NOW, 10),
        attendees: [
          { name: 'Sam Rivera', email: OWNER, organizer: true },
          { name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' },
          { name: 'Boardroom 4', email: 'c_88@resource.calendar.google.com', room: true }
        ]
      },
      {
        uid: 'baltic-review',
        title: 'Baltic Freight review',
        start: at(0, 14),
        minutes: 60,
        attendees: [
          // Addresses the journal does not know: Outlook's "Last, First", a name as it is, and one mistyped.
          { name: 'Kowalczyk, Anna', email: 'anna.kowalczyk@baltic-freight.example' },
          { name: 'Jon Park', email: 'jpark@personal.example' },
          { name: 'Ana Garcya', email: 'ana.garcia.home@gmail.example' },
          { name: 'Piotr Zieliński' },
          { name: OWNER, email: OWNER }
        ]
      },
      {
        uid: 'standup',
        title: 'Acme standup',
        start: at(0, 8, 30),
        minutes: 15,
        attendees: [{ name: 'Ana García', email: 'ana.garcia@acme.example' }]
      },
      {
        uid: 'declined',
        title: 'Vendor demo',
        start: at(0, 11),
        attendees: [
          { name: 'RouteOpt', email: 'demos@routeopt.example', organizer: true },
          { name: 'Sam', email: OWNER, status: 'DECLINED' }
        ]
      },
      {
        uid: 'cancelled',
        title: 'Lunch with Ana',
        start: at(0, 13),
        status: 'CANCELLED',
        attendees: [{ name: 'Ana García', email: 'ana.garcia@acme.example' }]
      },
      {
        uid: 'forum',
        title: 'Freight forum panel',
        start: at(0, 16),
        attendees: [
          { name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' },
          { name: 'Sam Rivera', email: 'sam@rivera.example', status: 'DECLINED' }
        ]
      },
      {
        uid: 'tomorrow-am',
        title: 'Breakfast with Jon',
        start: at(1, 8),
        attendees: [{ name: 'Jon Park', email: 'jon.park@hudsonfreight.example' }]
      },
      {
        uid: 'tomorrow-pm',
        title: 'Quarterly business review',
        start: at(1, 15),
        attendees: [{ name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' }]
      },
      {
        uid: 'yesterday',
        title: 'Intro call',
        start: at(-1, 10),
        attendees: [{ name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' }]
      },
      {
        uid: 'weekly-marta',
        title: 'Weekly with Marta',
        start: at(2, 16),
        rule: 'FREQ=WEEKLY;COUNT=4',
        attendees: [{ name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' }]
      }
    ])
  ]
  expect(await journal.handlers.addCalendarFiles({})).toMatchObject({ canceled: false })
})
afterEach(() => journal.dispose())

const meetings = async () => (await journal.handlers.getMeetings({})).meetings
const named = (list: Meeting[], title: string) => list.find((m) => m.title === title)!
const who = (meeting: Meeting) => meeting.attendees.map((a) => [a.name || a.email, a.person?.name ?? null, a.matchedBy])

describe("Today's meetings", () => {
  it('lists today’s and tomorrow morning’s meetings in order, without declined, cancelled or other days’ ones', async () => {
    const list = await meetings()
    // Declined at the address the file names as its owner's; the forum was declined at another of Sam's.
    expect(list.map((m) => m.title)).toEqual([
      'Acme standup',
      'Hudson Freight: pricing',
      'Baltic Freight review',
      'Freight forum panel',
      'Breakfast with Jon'
    ])
    const calendar = (await journal.handlers.getSettings({})).settings.calendar
    await journal.handlers.updateSettings({ patch: { calendar: { ...calendar, myEmails: ['Sam@Rivera.example'] } } })
    expect((await meetings()).map((m) => m.title)).not.toContain('Freight forum panel')
    expect(named(list, 'Acme standup')).toMatchObject({ started: true, loggedAs: null })
    expect(named(list, 'Hudson Freight: pricing')).toMatchObject({ started: false })
    expect(named(list, 'Hudson Freight: pricing').start).toBe(minutesFrom(NOW, 10).toISOString())
  })

  it('matches by email first, then by name (word order, accents, one typo), and never the user or a room', async () => {
    const list = await meetings()
    expect(who(named(list, 'Hudson Freight: pricing'))).toEqual([['Marta Nowak', 'Marta Nowak', 'email']])
    expect(who(named(list, 'Baltic Freight review'))).toEqual([
      ['Kowalczyk, Anna', 'Anna Kowalczyk', 'name'],
      ['Jon Park', 'Jon Park', 'name'],
      ['Ana Garcya', 'Ana García', 'name'],
      ['Piotr Zieliński', null, null]
    ])
    expect(named(list, 'Baltic Freight review').people.map((p) => p.name)).toEqual([
      'Anna Kowalczyk',
      'Jon Park',
      'Ana García'
    ])
  })

  it('remembers “this is not Anna Kowalczyk” and “this is Marta Nowak” on the person, in the journal', async () => {
    const kowalczyk = named(await meetings(), 'Baltic Freight review').attendees[0]!
    expect(kowalczyk.key).toBe('anna.kowalczyk@baltic-freight.example')
    await journal.handlers.matchAttendee({ attendee: kowalczyk.key, personId: ids.anna, is: false })
    expect(who(named(await meetings(), 'Baltic Freight review'))[0]).toEqual(['Kowalczyk, Anna', null, null])

    const piotr = named(await meetings(), 'Baltic Freight review').attendees[3]!
    expect(piotr.key).toBe('name:piotr zielinski')
    await journal.handlers.matchAttendee({ attendee: piotr.key, personId: ids.marta, is: true })
    await journal.handlers.matchAttendee({ attendee: kowalczyk.key, personId: ids.marta, is: true })
    // "This is" moves the attendee to the one person named: Marta now, no one else.
    await journal.handlers.matchAttendee({ attendee: piotr.key, personId: ids.jon, is: true })
    expect(who(named(await meetings(), 'Baltic Freight review'))).toEqual([
      ['Kowalczyk, Anna', 'Marta Nowak', 'you'],
      ['Jon Park', 'Jon Park', 'name'],
      ['Ana Garcya', 'Ana García', 'name'],
      ['Piotr Zieliński', 'Jon Park', 'you']
    ])
    const stored = await storedJournal(journal.file)
    const matchesOf = (name: string) => stored.people.find((p) => p.name === name)!.calendarMatches
    expect(matchesOf('Anna Kowalczyk')).toEqual([{ attendee: 'anna.kowalczyk@baltic-freight.example', is: false }])
    expect(matchesOf('Marta Nowak')).toEqual([{ attendee: 'anna.kowalczyk@baltic-freight.example', is: true }])
    expect(matchesOf('Jon Park')).toEqual([{ attendee: 'name:piotr zielinski', is: true }])
  })

  it('adds an attendee as a person in one step, matched from then on', async () => {
    const piotr = named(await meetings(), 'Baltic Freight review').attendees[3]!
    const person = await journal.handlers.createPerson({
      person: { name: piotr.name, email: piotr.email, calendarMatches: [{ attendee: piotr.key, is: true }] }
    })
    expect(who(named(await meetings(), 'Baltic Freight review'))[3]).toEqual([
      'Piotr Zieliński',
      'Piotr Zieliński',
      'you'
    ])
    expect(named(await meetings(), 'Baltic Freight review').people.map((p) => p.id)).toContain(person.id)
  })

  it('shows a meeting as done once a conversation logs it', async () => {
    const standup = named(await meetings(), 'Acme standup')
    const { conversation } = await journal.handlers.logConversation({
      conversation: {
        personIds: [ids.ana],
        date: standup.start,
        channel: 'meeting',
        title: standup.title,
        body: '',
        meeting: standup.key
      },
      followUps: []
    })
    expect(named(await meetings(), 'Acme standup').loggedAs).toBe(conversation.id)
    expect(named(await meetings(), 'Hudson Freight: pricing').loggedAs).toBeNull()
  })

  it('never copies an event into the journal: only people, matches and logged conversations are saved', async () => {
    await meetings()
    await journal.handlers.matchAttendee({ attendee: 'jpark@personal.example', personId: ids.jon, is: true })
    await journal.session.close()
    // Every file Rapport keeps beside the journal (snapshot, change log, search index, backups, settings).
    const kept = (await readdir(journal.dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name !== 'work.ics')
      .map((entry) => join(entry.parentPath, entry.name))
    expect(kept.length).toBeGreaterThan(2)
    for (const file of kept) {
      const text = (await readFile(file)).toString('latin1') + (await readFile(file, 'utf8'))
      for (const word of ['Baltic Freight review', 'Hudson Freight: pricing', 'Vendor demo', 'marta-call', 'Zieli'])
        expect(text, file).not.toContain(word)
    }
    expect(await storedText(journal.file)).toContain('jpark@personal.example')
  })
})

describe('the next meeting with someone', () => {
  it('is the soonest one from now on that they are matched in, with the others in it', async () => {
    expect(await journal.handlers.nextMeetingWith({ id: ids.marta })).toMatchObject({
      title: 'Hudson Freight: pricing',
      withNames: []
    })
    expect(await journal.handlers.nextMeetingWith({ id: ids.jon })).toMatchObject({
      title: 'Baltic Freight review',
      withNames: ['Anna Kowalczyk', 'Ana García']
    })
    // Ana's standup is over; the review is hers only while “Ana Garcya” is taken to be her.
    expect(await journal.handlers.nextMeetingWith({ id: ids.ana })).toMatchObject({ title: 'Baltic Freight review' })
    await journal.handlers.matchAttendee({ attendee: 'ana.garcia.home@gmail.example', personId: ids.ana, is: false })
    expect(await journal.handlers.nextMeetingWith({ id: ids.ana })).toBeNull()
  })
})
