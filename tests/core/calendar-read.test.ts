/**
 * Reading calendar exports as the apps write them (tests/fixtures/calendar): Google, Outlook (Windows zone
 * names), Apple; repeating events with skipped, moved and cancelled instances, daylight-saving changes,
 * all-day and floating events, 1,000 events, and files that cannot be read.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IcsFeed } from '../../src/core/calendar/ics-feed.ts'
import { IcsProblem } from '../../src/core/calendar/ics-scan.ts'
import { occurrencesBetween } from '../../src/core/calendar/occurrences.ts'
import type { Occurrence } from '../../src/core/calendar/occurrences.ts'

const FIXTURES = join(import.meta.dirname, '../fixtures/calendar')
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8')

/** The occurrences of a file from `from` to `to` (days, inclusive), soonest first. */
function read(text: string, from = '2025-03-01', to = '2025-04-30'): Occurrence[] {
  const feed = IcsFeed.read(text, from, to)
  const end = Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000
  return occurrencesBetween(feed.eventsBetween(from, to), Date.parse(`${from}T00:00:00Z`) - 86_400_000, end)
    .filter((o) => o.start < end)
    .sort((a, b) => a.start - b.start)
}
const iso = (ms: number) => new Date(ms).toISOString()
const titled = (list: Occurrence[], title: string) => list.filter((o) => o.title.startsWith(title))

/** What went wrong reading `text`: the line and the message. */
function problemOf(text: string): { line: number; message: string } {
  try {
    read(text)
  } catch (error) {
    if (error instanceof IcsProblem) return { line: error.line, message: error.message }
    throw error
  }
  throw new Error('calendar-read test: the file was read without a problem')
}

describe('a Google Calendar export', () => {
  const list = read(fixture('google.ics'))

  it('repeats a weekly meeting at 9:30 Madrid time across the change to summer time, skipping EXDATEs', () => {
    const sync = titled(list, 'Acme Logistics weekly sync')
    expect(sync.map((o) => iso(o.start))).toEqual([
      '2025-03-04T08:30:00.000Z',
      '2025-03-11T08:30:00.000Z',
      // 18 March is an EXDATE; 25 March was moved to 11:00 (below).
      '2025-03-25T10:00:00.000Z',
      // Summer time from 30 March: 9:30 in Madrid is 07:30 UTC.
      '2025-04-01T07:30:00.000Z',
      // 8 April was cancelled on its own; UNTIL ends the series on 29 April.
      '2025-04-15T07:30:00.000Z',
      '2025-04-22T07:30:00.000Z',
      '2025-04-29T07:30:00.000Z'
    ])
  })

  it('takes a moved instance’s own time, title and attendees, keyed by when it was due', () => {
    const moved = titled(list, 'Acme Logistics weekly sync (moved')[0]!
    expect(moved).toMatchObject({ title: 'Acme Logistics weekly sync (moved: board day)', location: '' })
    expect(iso(moved.end)).toBe('2025-03-25T10:30:00.000Z')
    expect(moved.key).toBe('4kq0v2f3b1m9s8d7c6e5a4t3r2@google.com/2025-03-25T08:30:00.000Z')
    expect(moved.attendees.map((a) => a.name || a.email)).toEqual(['Sam Rivera', 'Ana García', 'Luis Ortega'])
  })

  it('lists people, not rooms: the organiser once, names unfolded across lines, Google’s own address by address', () => {
    const [first] = titled(list, 'Acme Logistics weekly sync')
    expect(first!.attendees).toEqual([
      { name: 'Sam Rivera', email: 'sam.rivera@northwind.example', organizer: true, status: 'ACCEPTED' },
      { name: 'Ana García', email: 'ana.garcia@acme.example', organizer: false, status: 'ACCEPTED' }
    ])
    expect(first!.location).toBe('Acme Logistics, Calle de Alcalá 120, Madrid')
  })

  it('reads UTC times, all-day events (end exclusive) and leaves out a cancelled event', () => {
    expect(iso(titled(list, 'Intro call')[0]!.start)).toBe('2025-03-10T15:00:00.000Z')
    const summit = titled(list, 'Logistics Summit Lisbon')[0]!
    expect(summit).toMatchObject({ allDay: true, location: 'Lisbon Congress Centre' })
    expect(summit.start).toBe(new Date(2025, 2, 12).getTime())
    expect(summit.end).toBe(new Date(2025, 2, 14).getTime())
    expect(titled(list, 'Lunch with Priya')).toEqual([])
  })

  it('keeps a declined meeting with the user’s reply, and an instance invited alone under its own key', () => {
    const demo = titled(list, 'Vendor demo')[0]!
    expect(demo.attendees.find((a) => a.email === 'sam.rivera@northwind.example')?.status).toBe('DECLINED')
    const review = titled(list, 'Northwind pipeline review')[0]!
    expect(review.key).toBe('9pl8ok7ij6uh5yg4tf3rd@google.com/2025-03-14T11:00:00.000Z')
  })

  it('reads a moved or cancelled instance when a later window reaches it', () => {
    const feed = IcsFeed.read(fixture('google.ics'), '2025-03-03', '2025-03-05')
    const window = (from: string, to: string) =>
      occurrencesBetween(feed.eventsBetween(from, to), Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T23:59:59Z`))
        .filter((o) => o.title.startsWith('Acme'))
        .map((o) => [o.title, iso(o.start)])
    expect(window('2025-03-03', '2025-03-05')).toEqual([['Acme Logistics weekly sync', '2025-03-04T08:30:00.000Z']])
    expect(window('2025-03-24', '2025-03-26')).toEqual([
      ['Acme Logistics weekly sync (moved: board day)', '2025-03-25T10:00:00.000Z']
    ])
    expect(window('2025-04-07', '2025-04-09')).toEqual([])
  })

  it('does not even read a series that ended before the days asked for', () => {
    const feed = IcsFeed.read(fixture('google.ics'), '2025-06-02', '2025-06-08')
    // The weekly sync ran UNTIL 29 April: nothing of it is read for June, nor are March's single events.
    expect(feed.eventsBetween('2025-06-02', '2025-06-08')).toEqual([])
    expect(feed.eventsBetween('2025-04-27', '2025-05-03').map((e) => e.title)).toEqual(['Acme Logistics weekly sync'])
  })

  it('names its owner: Google calls the export after the account', () => {
    expect(IcsFeed.read(fixture('google.ics'), '2025-03-01', '2025-03-02').ownerEmails).toEqual([
      'sam.rivera@northwind.example'
    ])
  })
})

describe('an Outlook export', () => {
  const list = read(fixture('outlook.ics'))

  it('reads Windows zone names through the file’s VTIMEZONE, across both daylight-saving changes', () => {
    const review = titled(list, 'Baltic Freight monthly review')
    // First Wednesday monthly at 10:00 Central European time; April's was moved on site at 14:00 (summer time).
    expect(review.map((o) => [iso(o.start), o.title])).toEqual([
      ['2025-03-05T09:00:00.000Z', 'Baltic Freight monthly review'],
      ['2025-04-02T12:00:00.000Z', 'Baltic Freight monthly review (on site)']
    ])
    // Seattle: US summer time starts 9 March, so 8:00 Pacific moves from 16:00 to 15:00 UTC.
    expect(titled(list, 'Cascade Retail').map((o) => iso(o.start))).toEqual([
      '2025-03-06T16:00:00.000Z',
      '2025-03-13T15:00:00.000Z',
      '2025-03-20T15:00:00.000Z'
    ])
  })

  it('keeps Outlook’s “Last, First” names, drops “Canceled:” meetings, reads all-day events and X-OWNER', () => {
    expect(titled(list, 'Baltic')[0]!.attendees.map((a) => a.name)).toEqual([
      'Sam Rivera',
      'Kowalczyk, Anna',
      'Piotr Zielinski'
    ])
    expect(titled(list, 'Canceled')).toEqual([])
    expect(titled(list, 'Poznań office closed')[0]).toMatchObject({ allDay: true })
    expect(IcsFeed.read(fixture('outlook.ics'), '2025-03-01', '2025-03-02').ownerEmails).toEqual([
      'sam.rivera@northwind.example'
    ])
  })
})

describe('an Apple Calendar export', () => {
  const list = read(fixture('apple.ics'))

  it('repeats a weekday standup at 10:00 New York time across 9 March, without the skipped, cancelled days', () => {
    expect(titled(list, 'Standup with Hudson Freight').map((o) => iso(o.start))).toEqual([
      '2025-03-03T15:00:00.000Z',
      '2025-03-04T15:00:00.000Z',
      '2025-03-05T15:00:00.000Z',
      '2025-03-06T15:00:00.000Z',
      '2025-03-10T14:00:00.000Z',
      '2025-03-11T14:00:00.000Z',
      '2025-03-12T17:00:00.000Z',
      '2025-03-14T14:00:00.000Z'
    ])
  })

  it('reads Apple’s EMAIL parameter, an attendee with no address, floating times in the computer’s zone', () => {
    const [standup] = titled(list, 'Standup with Hudson Freight')
    expect(standup!.attendees).toContainEqual({
      name: 'Piotr Zieliński',
      email: '',
      organizer: false,
      status: 'NEEDS-ACTION'
    })
    const inPerson = titled(list, 'Standup with Hudson Freight (in person)')[0]!
    expect(inPerson.attendees.map((a) => a.email)).toContain('jon.park@hudsonfreight.example')
    expect(titled(list, 'Breakfast with Jon Park')[0]!.start).toBe(new Date(2025, 2, 11, 8).getTime())
    expect(titled(list, 'Hudson Freight QBR prep')[0]).toMatchObject({ allDay: true, attendees: [] })
  })
})

describe('meetings repeating for years', () => {
  const calendar = (...events: string[][]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
      'END:VCALENDAR'
    ].join('\r\n')

  it('ends a weekly meeting begun in 2019 after its COUNT, walked from near the days asked for', () => {
    const text = calendar(['UID:counted', 'DTSTART:20190402T080000Z', 'RRULE:FREQ=WEEKLY;COUNT=310', 'SUMMARY:Counted'])
    // The 310th is 309 weeks on: Tuesday 4 March 2025; the next Tuesday is past the count.
    expect(read(text, '2025-02-24', '2025-03-14').map((o) => iso(o.start))).toEqual([
      '2025-02-25T08:00:00.000Z',
      '2025-03-04T08:00:00.000Z'
    ])
  })

  it('finds this week’s instances of a twice-weekly meeting begun in 2019, with its skipped and moved days', () => {
    const text = calendar(
      [
        'UID:since-2019',
        'DTSTART;TZID=Europe/Warsaw:20190402T091500',
        'DTEND;TZID=Europe/Warsaw:20190402T094500',
        'RRULE:FREQ=WEEKLY;BYDAY=TU,TH',
        'EXDATE;TZID=Europe/Warsaw:20250325T091500',
        'SUMMARY:Ops sync'
      ],
      [
        'UID:since-2019',
        'RECURRENCE-ID;TZID=Europe/Warsaw:20250327T091500',
        'DTSTART;TZID=Europe/Warsaw:20250327T140000',
        'DTEND;TZID=Europe/Warsaw:20250327T143000',
        'SUMMARY:Ops sync (afternoon)'
      ],
      // Every other day since 2020: the step must stay on its own days.
      ['UID:every-other-day', 'DTSTART:20200101T070000Z', 'RRULE:FREQ=DAILY;INTERVAL=2', 'SUMMARY:Check-in']
    )
    const list = read(text, '2025-03-24', '2025-04-01')
    expect(titled(list, 'Ops sync').map((o) => [o.key, iso(o.start)])).toEqual([
      // Tuesday 25 March was skipped; Thursday's was moved to the afternoon; summer time begins on the 30th.
      ['since-2019/2025-03-27T08:15:00.000Z', '2025-03-27T13:00:00.000Z'],
      ['since-2019/2025-04-01T07:15:00.000Z', '2025-04-01T07:15:00.000Z']
    ])
    // 2020-01-01 plus an even number of days: 2025-03-23 is day 1908 (even), so the 25th, 27th…
    expect(titled(list, 'Check-in').map((o) => iso(o.start).slice(0, 10))).toEqual([
      '2025-03-23',
      '2025-03-25',
      '2025-03-27',
      '2025-03-29',
      '2025-03-31',
      '2025-04-02'
    ])
  })
})

describe('zones a file names without defining them', () => {
  const event = (tzid: string, start: string) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:zone-test',
      `DTSTART;TZID=${tzid}:${start}`,
      'SUMMARY:Call',
      'END:VEVENT',
      'END:VCALENDAR'
    ].join('\r\n')

  it('reads an IANA name, a Windows name and a zone-database path with the platform’s zone data', () => {
    expect(iso(read(event('Asia/Tokyo', '20250318T090000'))[0]!.start)).toBe('2025-03-18T00:00:00.000Z')
    expect(iso(read(event('"Tokyo Standard Time"', '20250318T090000'))[0]!.start)).toBe('2025-03-18T00:00:00.000Z')
    expect(iso(read(event('Romance Standard Time', '20250401T090000'))[0]!.start)).toBe('2025-04-01T07:00:00.000Z')
    expect(iso(read(event('/mozilla.org/20050126_1/Europe/Oslo', '20250318T090000'))[0]!.start)).toBe(
      '2025-03-18T08:00:00.000Z'
    )
  })

  it('reads a zone it cannot name as the computer’s own time', () => {
    expect(read(event('Atlantis Standard Time', '20250318T090000'))[0]!.start).toBe(new Date(2025, 2, 18, 9).getTime())
  })
})

describe('a file of 1,000 events', () => {
  const text = fixture('thousand.ics')

  it('counts every event once and reads only the days asked for', () => {
    const feed = IcsFeed.read(text, '2025-06-02', '2025-06-08')
    expect(feed.count).toBe(1000)
    const week = occurrencesBetween(
      feed.eventsBetween('2025-06-02', '2025-06-08'),
      Date.parse('2025-06-02'),
      Date.parse('2025-06-09')
    )
    expect(week.length).toBeGreaterThan(5)
    expect(week.every((o) => o.start >= Date.parse('2025-06-02') && o.start < Date.parse('2025-06-09'))).toBe(true)
    // Every key is one occurrence: a series' instances are told apart by when they were due.
    expect(new Set(week.map((o) => o.key)).size).toBe(week.length)
  })
})

describe('a file that cannot be read', () => {
  it('names the line where a download was cut short', () => {
    expect(problemOf(fixture('truncated.ics'))).toEqual({
      line: 15,
      message: 'BEGIN:VEVENT is never ended: the file looks cut short (END:VEVENT is missing)'
    })
  })

  it('names a line typed into the file by hand', () => {
    expect(problemOf(fixture('hand-edited.ics'))).toEqual({
      line: 10,
      message: '“Remember to bring the two pricing options” is not a calendar line (NAME:value)'
    })
  })

  it('says a file that is not a calendar is not one, and names a date that does not exist', () => {
    expect(problemOf('{"people": []}\n').message).toMatch(/not an iCalendar file/)
    const badDate = fixture('apple.ics').replace(
      'DTSTART;TZID=America/New_York:20250314T160000',
      'DTSTART;TZID=America/New_York:20250231T160000'
    )
    const { line, message } = problemOf(badDate)
    expect(message).toBe('DTSTART is not a date or a date and time (“20250231T160000”)')
    expect(fixture('apple.ics').split(/\r\n/)[line - 1]).toBe('DTSTART;TZID=America/New_York:20250314T160000')
  })

  it('names the line of a repeat rule ical.js cannot follow', () => {
    const broken = fixture('google.ics').replace('RRULE:FREQ=WEEKLY;WKST=MO', 'RRULE:FREQ=FORTNIGHTLY;WKST=MO')
    const { line, message } = problemOf(broken)
    expect(broken.split(/\r\n/)[line - 1]).toMatch(/^RRULE:FREQ=FORTNIGHTLY/)
    expect(message).toMatch(/invalid frequency "FORTNIGHTLY"/)
  })
})
