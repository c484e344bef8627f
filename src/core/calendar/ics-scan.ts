/**
 * One pass over a calendar file's lines before ical.js reads any of it. It checks the shape that most often
 * breaks (lines that are not NAME:value, BEGIN and END that do not pair up, an event without a real start)
 * and says on which line, which ical.js cannot; and it notes where each event is, when it starts and whether
 * it repeats, so that ical.js only ever reads the events a window of days needs — a 5,000-event export is
 * mostly past meetings.
 */
import { addDays } from '../days.ts'

/** Why a calendar file cannot be read, and on which line (1-based; 0 when no one line is to blame). */
export class IcsProblem extends Error {
  override name = 'IcsProblem'
  readonly line: number

  constructor(line: number, what: string) {
    super(what)
    this.line = line
  }
}

export interface EventBlock {
  /** Index in `lines` of BEGIN:VEVENT and END:VEVENT. */
  first: number
  last: number
  uid: string
  /** The day DTSTART names, YYYY-MM-DD, as written (its zone is applied when ical.js reads it). */
  startDay: string
  repeats: boolean
  /** For a repeating event whose one rule says so (UNTIL, or a COUNT of plain periods): its last day or later. */
  endsBy: string
  /** An overridden instance of a repeating event (it has a RECURRENCE-ID): the day it was due, as written. */
  instance: boolean
  dueDay: string
  /** An instance that changes every later one too (RANGE=THISANDFUTURE): always read with its series. */
  thisAndFuture: boolean
}

export interface IcsScan {
  lines: string[]
  /** Indices of the calendar's own lines (its name, owner…), the ones outside any component. */
  header: number[]
  /** [first, last] line indices of each VTIMEZONE. */
  zones: Array<[number, number]>
  events: EventBlock[]
}

const LINE_BREAK = /\r\n|\n|\r/
const CONTENT_LINE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?[;:]/
const START_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/
/** The first letters (lower case) of the names the scan notes. */
const NOTED_LEADS = new Set(['b', 'e', 'd', 'r', 'u'].map((letter) => letter.charCodeAt(0)))
const NOT_ICS = 'this is not an iCalendar file (it should begin with BEGIN:VCALENDAR)'

export function scanIcs(text: string): IcsScan {
  const lines = text.split(LINE_BREAK)
  const scan: IcsScan = { lines, header: [], zones: [], events: [] }
  const stack: Array<{ name: string; at: number }> = []
  let event: ScannedEvent | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    // Folded lines continue the one before; blank lines (often at the end) say nothing.
    if (line === '' || line[0] === ' ' || line[0] === '\t') continue
    if (!CONTENT_LINE.test(line) || !hasValue(lines, i)) {
      throw new IcsProblem(
        i + 1,
        stack.length === 0 ? NOT_ICS : `“${excerpt(line)}” is not a calendar line (NAME:value)`
      )
    }
    const colon = line.indexOf(':')
    // Only BEGIN, END, DTSTART, RRULE, RDATE, RECURRENCE-ID and UID matter here: other lines keep their names.
    const name = NOTED_LEADS.has(line.charCodeAt(0) | 0x20) ? nameOf(line, colon) : ''
    if (name === 'BEGIN') {
      const component = line
        .slice(colon + 1)
        .trim()
        .toUpperCase()
      if (stack.length === 0 && component !== 'VCALENDAR')
        throw new IcsProblem(
          i + 1,
          component === '' ? NOT_ICS : `BEGIN:${component} is outside the calendar (BEGIN:VCALENDAR)`
        )
      if (component === 'VEVENT' && stack.length === 1) event = newEvent(i)
      stack.push({ name: component, at: i })
    } else if (name === 'END') {
      const component = line
        .slice(colon + 1)
        .trim()
        .toUpperCase()
      const open = stack.pop()
      if (!open) throw new IcsProblem(i + 1, `END:${component} ends nothing that began`)
      if (open.name !== component)
        throw new IcsProblem(i + 1, `END:${component} is where BEGIN:${open.name} (line ${open.at + 1}) should end`)
      if (stack.length === 1 && component === 'VTIMEZONE') scan.zones.push([open.at, i])
      if (event && stack.length === 1 && component === 'VEVENT') {
        if (!event.hasStart) throw new IcsProblem(event.first + 1, 'this event has no start (DTSTART)')
        const { first, startDay, repeats, rules, instance, dueDay, thisAndFuture } = event
        const endsBy = repeats && rules.length === 1 ? lastDayOf(rules[0]!, startDay) : ''
        const uid = event.uid || `line-${first + 1}`
        scan.events.push({ first, last: i, uid, startDay, repeats, endsBy, instance, dueDay, thisAndFuture })
        event = null
      }
    } else if (stack.length === 0) {
      throw new IcsProblem(
        i + 1,
        scan.header.length + scan.events.length > 0 ? `“${excerpt(line)}” comes after the end of the calendar` : NOT_ICS
      )
    } else if (stack.length === 1) {
      scan.header.push(i)
    } else if (event && stack.length === 2) {
      noteProperty(event, name, lines, i)
    }
  }
  const open = stack.pop()
  if (open)
    throw new IcsProblem(
      open.at + 1,
      `BEGIN:${open.name} is never ended: the file looks cut short (END:${open.name} is missing)`
    )
  if (lines.every((line) => line.trim() === '')) throw new IcsProblem(0, 'the file is empty')
  return scan
}

function nameOf(line: string, colon: number): string {
  const semicolon = line.indexOf(';')
  return line.slice(0, semicolon !== -1 && semicolon < colon ? semicolon : colon).toUpperCase()
}

type ScannedEvent = Omit<EventBlock, 'endsBy'> & { hasStart: boolean; rules: string[] }
const newEvent = (at: number): ScannedEvent => ({
  first: at,
  last: at,
  uid: '',
  startDay: '',
  repeats: false,
  instance: false,
  dueDay: '',
  thisAndFuture: false,
  hasStart: false,
  rules: []
})
/** Days a period can span, at most. */
const PERIOD_DAYS: Readonly<Record<string, number>> = { DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 }

/** The last day a rule can reach (UNTIL's, or COUNT plain periods on), or '' when it does not say. */
function lastDayOf(rule: string, startDay: string): string {
  const parts = new Map(rule.split(';').map((part) => part.split('=') as [string, string]))
  const until = parts.get('UNTIL')
  if (until && /^\d{8}/.test(until)) return `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`
  const count = Number(parts.get('COUNT'))
  const period = PERIOD_DAYS[parts.get('FREQ') ?? '']
  const plain = [...parts.keys()].every((key) => ['FREQ', 'COUNT', 'INTERVAL', 'WKST'].includes(key))
  if (!Number.isInteger(count) || !period || !plain) return ''
  const days = count * Number(parts.get('INTERVAL') ?? 1) * period
  return Number.isFinite(days) ? addDays(startDay, days + 1) : ''
}

function noteProperty(event: ScannedEvent, name: string, lines: string[], i: number): void {
  if (name === 'RRULE') {
    event.repeats = true
    event.rules.push(valueOf(unfolded(lines, i)).trim().toUpperCase())
  } else if (name === 'RDATE') {
    // Dates added to the rule: when it ends is no longer the rule's to say.
    event.repeats = true
    event.rules.push('')
  } else if (name === 'RECURRENCE-ID') {
    const line = unfolded(lines, i)
    event.instance = true
    event.dueDay = valueOf(line)
      .trim()
      .replace(/^(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3')
    event.thisAndFuture = /;RANGE=THISANDFUTURE[;:]/i.test(line)
  } else if (name === 'UID') event.uid = valueOf(unfolded(lines, i)).trim()
  else if (name === 'DTSTART') {
    const value = valueOf(unfolded(lines, i)).trim()
    const parts = START_VALUE.exec(value)
    if (!parts || !isReal(parts.slice(1).map((p) => Number(p ?? 0)))) {
      throw new IcsProblem(i + 1, `DTSTART is not a date or a date and time (“${excerpt(value)}”)`)
    }
    event.startDay = `${parts[1]}-${parts[2]}-${parts[3]}`
    event.hasStart = true
  }
}

function isReal([year, month, day, hour, minute, second]: number[]): boolean {
  const date = new Date(Date.UTC(year!, month! - 1, day))
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day && hour! < 24 && minute! < 60 && second! < 61
}

/** Whether the content line starting at `i` has its ':' (which may come after a fold). */
function hasValue(lines: readonly string[], i: number): boolean {
  if (lines[i]!.includes(':')) return true
  for (let j = i + 1; j < lines.length && (lines[j]![0] === ' ' || lines[j]![0] === '\t'); j++) {
    if (lines[j]!.includes(':')) return true
  }
  return false
}

function unfolded(lines: readonly string[], i: number): string {
  let line = lines[i]!
  for (let j = i + 1; j < lines.length && (lines[j]![0] === ' ' || lines[j]![0] === '\t'); j++)
    line += lines[j]!.slice(1)
  return line
}

/** The value after the parameters: the first ':' outside double quotes. */
function valueOf(line: string): string {
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted
    else if (line[i] === ':' && !quoted) return line.slice(i + 1)
  }
  return ''
}

/** The line (1-based) of `property` within an event, or the event's first line. */
export function lineOfProperty(scan: IcsScan, block: EventBlock, property: string): number {
  const name = property.toUpperCase()
  for (let i = block.first; i <= block.last; i++) {
    const head = scan.lines[i]!.slice(0, name.length + 1).toUpperCase()
    if (head === `${name}:` || head === `${name};`) return i + 1
  }
  return block.first + 1
}

/** The line (1-based) in an event that holds `fragment`, or the event's first line. */
export function lineContaining(scan: IcsScan, block: EventBlock, fragment: string): number {
  for (let i = block.first; fragment !== '' && i <= block.last; i++) if (scan.lines[i]!.includes(fragment)) return i + 1
  return block.first + 1
}

/** The line whose text starts like `fragment` (what ical.js quotes in its errors), or 0. */
export function lineStartingWith(scan: IcsScan, fragment: string): number {
  const start = fragment.slice(0, 40)
  return start === '' ? 0 : scan.lines.findIndex((line) => line.startsWith(start)) + 1
}

export function excerpt(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}…` : line
}
