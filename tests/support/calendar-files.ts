/**
 * Calendar files written for a test's own "now": a Google-style export whose meetings start minutes or days
 * from it, so Today's meetings can be tested on any day. (The realistic exports of fixed dates are in
 * tests/fixtures/calendar.)
 */
import { writeFile } from 'node:fs/promises'

export interface TestAttendee {
  name: string
  email?: string
  status?: 'ACCEPTED' | 'DECLINED' | 'NEEDS-ACTION' | 'TENTATIVE'
  organizer?: boolean
  room?: boolean
}

export interface TestMeeting {
  uid: string
  title: string
  start: Date
  minutes?: number
  attendees?: TestAttendee[]
  status?: 'CONFIRMED' | 'CANCELLED'
  /** RRULE, e.g. "FREQ=WEEKLY;COUNT=4". */
  rule?: string
}

/** The user of these calendars, as Google names the export. */
export const OWNER = 'sam.rivera@northwind.example'

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

function attendeeLine(a: TestAttendee): string {
  const name = /[,;:]/.test(a.name) ? `"${a.name}"` : a.name
  const kind = a.room ? 'RESOURCE' : 'INDIVIDUAL'
  const value = a.email ? `mailto:${a.email}` : 'invalid:nomail'
  const head = a.organizer
    ? `ORGANIZER;CN=${name}`
    : `ATTENDEE;CUTYPE=${kind};ROLE=REQ-PARTICIPANT;PARTSTAT=${a.status ?? 'ACCEPTED'};CN=${name}`
  return `${head}:${value}`
}

export function icsText(meetings: readonly TestMeeting[]): string {
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0']
  lines.push('METHOD:PUBLISH', `X-WR-CALNAME:${OWNER}`)
  for (const m of meetings) {
    const end = new Date(m.start.getTime() + (m.minutes ?? 30) * 60_000)
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART:${utc(m.start)}`,
      `DTEND:${utc(end)}`,
      `UID:${m.uid}`,
      'DTSTAMP:20250101T000000Z'
    )
    if (m.rule) lines.push(`RRULE:${m.rule}`)
    for (const a of m.attendees ?? []) lines.push(attendeeLine(a))
    lines.push(`STATUS:${m.status ?? 'CONFIRMED'}`, `SUMMARY:${m.title}`, 'END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return `${lines.join('\r\n')}\r\n`
}

export async function writeCalendar(file: string, meetings: readonly TestMeeting[]): Promise<string> {
  await writeFile(file, icsText(meetings))
  return file
}

/** `minutes` from `now` (negative: ago). */
export const minutesFrom = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000)
