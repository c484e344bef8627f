import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CalendarSettings } from '../../src/shared/calendar.ts'
import { writeCalendar } from '../support/calendar-files.ts'
import { ManualClock } from '../support/manual-clock.ts'
import { PickingShell } from '../support/picking-shell.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { electronMock, notifications } from './electron-mock.ts'

vi.mock('electron', () => electronMock)
const { MeetingReminders } = await import('../../src/main/meeting-reminders.ts')

const MINUTE = 60_000
const at = (hour: number, minute = 0) => new Date(2025, 2, 11, hour, minute)
const marta = { name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' }
const jon = { name: 'Jon Park', email: 'jon.park@hudsonfreight.example' }

let journal: TempJournal
let clock: ManualClock
let ids: string[]

async function start(now: Date, notify: CalendarSettings['notify']) {
  clock = new ManualClock(now)
  const shell = new PickingShell()
  journal = await openTempJournal(undefined, clock.now, shell)
  ids = [
    (await journal.handlers.createPerson({ person: marta })).id,
    (await journal.handlers.createPerson({ person: jon })).id
  ]
  shell.files = [
    await writeCalendar(join(journal.dir, 'work.ics'), [
      { uid: 'pricing', title: 'Hudson Freight: pricing', start: at(10), attendees: [marta] },
      { uid: 'dentist', title: 'Dentist', start: at(11) },
      { uid: 'qbr', title: 'Quarterly review', start: at(12), minutes: 60, attendees: [marta, jon] }
    ])
  ]
  await journal.handlers.addCalendarFiles({})
  const openBrief = vi.fn()
  const reminders = new MeetingReminders({
    meetings: async () => (await journal.handlers.getMeetings({})).meetings,
    settings: () => notify,
    openBrief,
    clock
  })
  await reminders.plan()
  return { reminders, openBrief }
}

beforeEach(() => {
  notifications.length = 0
})
afterEach(() => journal.dispose())

describe('reminders before meetings', () => {
  it('notifies N minutes before each meeting with someone in the journal; a click opens their brief', async () => {
    const { reminders, openBrief } = await start(at(9, 30), { enabled: true, minutes: 10 })
    expect(clock.nextAt).toEqual(at(9, 50))
    clock.advance(19 * MINUTE)
    await reminders.planned
    expect(notifications).toHaveLength(0)

    clock.advance(MINUTE)
    await reminders.planned
    expect(notifications.map(({ options: { title, body } }) => ({ title, body }))).toEqual([
      { title: 'Call with Marta Nowak in 10 min', body: '“Hudson Freight: pricing” at 10:00 — open the brief' }
    ])
    notifications[0]!.click()
    expect(openBrief).toHaveBeenCalledWith([ids[0]])

    // The dentist is no one in the journal; the review, with two people, is told of at 11:50. (The plan is
    // made again every half hour on the way, as meetings may come into view.)
    for (let minutes = 0; minutes < 119; minutes++) {
      clock.advance(MINUTE)
      await reminders.planned
    }
    expect(clock.now()).toEqual(at(11, 49))
    expect(notifications).toHaveLength(1)
    clock.advance(MINUTE)
    await reminders.planned
    expect(notifications.map((n) => n.options.title)).toEqual([
      'Call with Marta Nowak in 10 min',
      'Call with Marta Nowak and Jon Park in 10 min'
    ])
    notifications[1]!.click()
    expect(openBrief).toHaveBeenLastCalledWith(ids)
    reminders.stop()
    expect(clock.nextAt).toBeNull()
  })

  it('tells at once of a meeting already inside its minutes when Rapport starts, and only once', async () => {
    const { reminders } = await start(at(9, 56), { enabled: true, minutes: 10 })
    expect(notifications.map((n) => n.options.title)).toEqual(['Call with Marta Nowak in 4 min'])
    await reminders.plan()
    expect(notifications).toHaveLength(1)
    reminders.stop()
  })

  it('stays quiet when turned off, as it is by default', async () => {
    const { reminders } = await start(at(9, 30), { enabled: false, minutes: 10 })
    clock.advance(6 * 60 * MINUTE)
    await reminders.planned
    expect(notifications).toHaveLength(0)
    expect(clock.nextAt).toBeNull()
    reminders.stop()
  })
})
