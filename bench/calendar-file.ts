/**
 * A large calendar file, the same every run for the same seed, shaped like a year or two of a seller's
 * Google export: mostly single meetings in Europe/Madrid (some in UTC), weekly series (half of them standing,
 * without an end) with skipped and moved instances, all-day events, a few cancelled; 1–6 attendees from many cultures, folded long lines.
 * `node bench/calendar-file.ts <events> <file>` writes one (tests/fixtures/calendar/thousand.ics is 1,000).
 */
import { writeFileSync } from 'node:fs'
import { FAMILY, GIVEN } from './names.ts'
import { Random } from './random.ts'

const MADRID = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Madrid',
  'X-LIC-LOCATION:Europe/Madrid',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE'
]

const TOPICS = ['Pricing call', 'Quarterly review', 'Intro call', 'Renewal check-in', 'Demo', 'Lunch', 'Pilot kickoff']
const FIRST_DAY = Date.UTC(2025, 0, 6)
const DAY = 86_400_000

/** RFC 5545 folding: lines of at most 75 octets, continued after CRLF and a space. */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line
  const parts: string[] = []
  let current = ''
  for (const char of line) {
    if (Buffer.byteLength(current + char) > 75) {
      parts.push(current)
      current = ` ${char}`
    } else current += char
  }
  return [...parts, current].join('\r\n')
}

const pad = (n: number) => String(n).padStart(2, '0')
function local(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`
}
const dateOnly = (ms: number) => local(ms).slice(0, 8)

export function calendarText(events: number, seed = 19): string {
  const random = new Random(seed)
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0']
  lines.push('CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:sam.rivera@northwind.example', ...MADRID)
  const person = () => {
    const name = `${random.pick(GIVEN)} ${random.pick(FAMILY)}`
    const email = `${name
      .normalize('NFD')
      .replace(/[^A-Za-z ]/g, '')
      .toLowerCase()
      .replace(/ +/g, '.')}@client${random.int(1, 400)}.example`
    return { name, email }
  }
  for (let i = 0; i < events; i++) {
    const uid = `${random.id()}@google.com`
    const day = FIRST_DAY + random.int(0, 600) * DAY
    const start = day + random.int(16, 36) * 30 * 60_000
    const end = start + random.pick([30, 45, 60, 90]) * 60_000
    const kind = random.next()
    const guests = Array.from({ length: random.int(1, 6) }, person)
    const title = `${random.pick(TOPICS)}: ${guests[0]!.name}`
    const event = ['BEGIN:VEVENT']
    if (kind < 0.05) event.push(`DTSTART;VALUE=DATE:${dateOnly(day)}`, `DTEND;VALUE=DATE:${dateOnly(day + DAY)}`)
    else if (kind < 0.15) event.push(`DTSTART:${local(start - 3_600_000)}Z`, `DTEND:${local(end - 3_600_000)}Z`)
    else event.push(`DTSTART;TZID=Europe/Madrid:${local(start)}`, `DTEND;TZID=Europe/Madrid:${local(end)}`)
    const weekly = kind >= 0.15 && kind < 0.25
    if (weekly) {
      // Half end after some weeks; half go on, on their weekday, as standing meetings do.
      const day = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(start).getUTCDay()]
      event.push(
        random.next() < 0.5 ? `RRULE:FREQ=WEEKLY;COUNT=${random.int(4, 30)}` : `RRULE:FREQ=WEEKLY;BYDAY=${day}`
      )
      event.push(`EXDATE;TZID=Europe/Madrid:${local(start + 14 * DAY)}`)
    }
    event.push('DTSTAMP:20250101T090000Z', 'ORGANIZER;CN=Sam Rivera:mailto:sam.rivera@northwind.example', `UID:${uid}`)
    for (const guest of guests)
      event.push(
        `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${random.pick(['ACCEPTED', 'NEEDS-ACTION', 'TENTATIVE'])};CN=${guest.name};X-NUM-GUESTS=0:mailto:${guest.email}`
      )
    event.push(
      `DESCRIPTION:Agenda for ${title.toLowerCase()}: volumes\\, open tickets and next steps. Notes from the last call are in the CRM.`
    )
    event.push(`STATUS:${kind > 0.97 ? 'CANCELLED' : 'CONFIRMED'}`, `SUMMARY:${title}`, 'TRANSP:OPAQUE', 'END:VEVENT')
    lines.push(...event)
    if (weekly) {
      // One instance moved an hour later.
      const due = start + 7 * DAY
      lines.push('BEGIN:VEVENT', `DTSTART;TZID=Europe/Madrid:${local(due + 3_600_000)}`)
      lines.push(`DTEND;TZID=Europe/Madrid:${local(end + 7 * DAY + 3_600_000)}`, 'DTSTAMP:20250101T090000Z')
      lines.push(`UID:${uid}`, `RECURRENCE-ID;TZID=Europe/Madrid:${local(due)}`, `SUMMARY:${title} (moved)`)
      lines.push('END:VEVENT')
    }
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(fold).join('\r\n')}\r\n`
}

if (import.meta.main) {
  const [count = '1000', file = 'calendar.ics'] = process.argv.slice(2)
  writeFileSync(file, calendarText(Number(count)))
}
