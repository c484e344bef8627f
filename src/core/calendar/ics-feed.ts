/**
 * One calendar file, read: its events as Rapport needs them (title, times, attendees, status), taken from
 * ical.js. ical.js reads only the events a window of days can show — every repeating event, and the single
 * ones that start near the window — and each event once; the scan before it has already checked the whole
 * file's shape. A repeating event keeps its ical.js form, with its overridden instances, for expanding.
 */
import ICAL from 'ical.js'
import { attendeesOf } from './ics-attendees.ts'
import type { RawAttendee } from './ics-attendees.ts'
import { excerpt, IcsProblem, lineContaining, lineOfProperty, lineStartingWith, scanIcs } from './ics-scan.ts'
import type { EventBlock, IcsScan } from './ics-scan.ts'
import { instant, zoneOf } from './ics-zones.ts'
import { addDays } from '../days.ts'

type Component = InstanceType<typeof ICAL.Component>
export type SeriesEvent = InstanceType<typeof ICAL.Event>

export interface FeedEvent {
  uid: string
  title: string
  location: string
  cancelled: boolean
  attendees: RawAttendee[]
  allDay: boolean
  /** The first (or only) occurrence, as instants. */
  start: number
  end: number
  /** For a lone instance of a repeating event (RECURRENCE-ID, its series not in the file): when it was due. */
  recurrenceId: number | null
  /** A repeating event, expanded on demand; null for a single one. */
  series: SeriesEvent | null
  /** Where its rule is, for saying so when ical.js cannot follow it. */
  ruleLine: number
  /** Where floating or undefined-zone times are read: an IANA zone, or null for the computer's own. */
  zone: string | null
}

/** Days around a window whose single events are read too: a zone moves a time by at most a day. */
const SLACK_DAYS = 2
/** How far an overridden instance may have been moved from when it was due, as occurrences.ts allows. */
const MOVED_DAYS = 7
const TIME_VALUE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z?)?$/

export class IcsFeed {
  readonly #scan: IcsScan
  /** Per event block, once read: the event, or null for an instance read with its series. */
  readonly #read = new Map<number, FeedEvent | null>()
  readonly #series = new Map<string, number>()
  readonly #instances = new Map<string, number[]>()
  /** Per series read: the instances of it ical.js has read too (those near the days asked for so far). */
  readonly #related = new Map<number, Set<number>>()
  /** Events (a repeating one counts once). */
  readonly count: number
  /** Addresses the file says are its owner's (Google names an export after the account; Outlook has X-OWNER). */
  ownerEmails: string[] = []

  private constructor(scan: IcsScan) {
    this.#scan = scan
    scan.events.forEach((block, i) => {
      if (block.repeats && !block.instance) this.#series.set(block.uid, i)
    })
    scan.events.forEach((block, i) => {
      if (!block.instance || !this.#series.has(block.uid)) return
      const instances = this.#instances.get(block.uid)
      if (instances) instances.push(i)
      else this.#instances.set(block.uid, [i])
    })
    this.count = scan.events.filter((block) => !(block.instance && this.#series.has(block.uid))).length
  }

  /** Reads a file's text, and with ical.js the events of the days given; a problem anywhere is thrown. */
  static read(text: string, fromDay: string, toDay: string): IcsFeed {
    const feed = new IcsFeed(scanIcs(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text))
    feed.eventsBetween(fromDay, toDay)
    return feed
  }

  /** The events that can occur between two days (YYYY-MM-DD, inclusive): every series, the singles near. */
  eventsBetween(fromDay: string, toDay: string): FeedEvent[] {
    const from = addDays(fromDay, -SLACK_DAYS)
    const to = addDays(toDay, SLACK_DAYS)
    const wanted: number[] = []
    // A series over before the window (its instances may have been moved up to a week later) is not read.
    const over = addDays(from, -MOVED_DAYS)
    this.#scan.events.forEach((block, i) => {
      const near = block.startDay >= from && block.startDay <= to
      if (block.instance && this.#series.has(block.uid)) return
      const series = this.#series.get(block.uid) === i && !(block.endsBy && block.endsBy < over)
      if (series || near) wanted.push(i)
    })
    // A series' overridden instances are read when they were due (or moved to) near the days asked for.
    const moved = [addDays(from, -MOVED_DAYS), addDays(to, MOVED_DAYS)] as const
    const near = (j: number) => {
      const { dueDay, startDay, thisAndFuture } = this.#scan.events[j]!
      return thisAndFuture || (dueDay >= moved[0] && dueDay <= moved[1]) || (startDay >= from && startDay <= to)
    }
    const unread = wanted.filter((i) => !this.#read.has(i))
    if (unread.length > 0) this.#readBlocks(unread, near)
    for (const i of wanted) this.#relate(i, near)
    return wanted.flatMap((i) => this.#read.get(i) ?? [])
  }

  /** The instances of series `i` (its overrides) that `near` wants and ical.js has not read yet. */
  #missing(i: number, near: (j: number) => boolean): number[] {
    const block = this.#scan.events[i]!
    if (this.#series.get(block.uid) !== i) return []
    const related = this.#related.get(i)
    return (this.#instances.get(block.uid) ?? []).filter((j) => near(j) && !related?.has(j))
  }

  /** Reads the instances a series read earlier now needs, and ties them to it. */
  #relate(i: number, near: (j: number) => boolean): void {
    const series = this.#read.get(i)?.series
    const missing = series ? this.#missing(i, near) : []
    if (!series || missing.length === 0) return
    const vevents = this.#parse(missing)
    missing.forEach((j, at) => {
      checkTimes(this.#scan, this.#scan.events[j]!, vevents[at]!)
      series.relateException(vevents[at]!)
      this.#related.get(i)!.add(j)
    })
  }

  #parse(blocks: number[]): Component[] {
    let calendar: Component
    try {
      calendar = new ICAL.Component(ICAL.parse(this.#calendarOf(blocks)) as unknown[])
    } catch (error) {
      throw this.#locate((error as Error).message, blocks)
    }
    if (this.ownerEmails.length === 0) this.ownerEmails = ownersOf(calendar)
    return calendar.getAllSubcomponents('vevent')
  }

  #readBlocks(indices: number[], near: (j: number) => boolean): void {
    const { events } = this.#scan
    const withInstances = indices.flatMap((i) => [i, ...this.#missing(i, near)])
    const vevents = this.#parse(withInstances)
    const byBlock = new Map(withInstances.map((block, at) => [block, vevents[at]!]))
    for (const i of indices) {
      const block = events[i]!
      const instances = this.#missing(i, near)
      if (this.#series.get(block.uid) === i) this.#related.set(i, new Set(instances))
      for (const j of instances) checkTimes(this.#scan, events[j]!, byBlock.get(j)!)
      this.#read.set(
        i,
        this.#eventOf(
          block,
          byBlock.get(i)!,
          instances.map((j) => byBlock.get(j)!)
        )
      )
    }
  }

  /** A calendar of the file's own lines, its time zones and these events only, for ical.js to read. */
  #calendarOf(blocks: readonly number[]): string {
    const { lines, header, zones, events } = this.#scan
    return [
      'BEGIN:VCALENDAR',
      ...header.flatMap((i) => lines.slice(i, endOfLine(lines, i) + 1)),
      ...zones.flatMap(([first, last]) => lines.slice(first, last + 1)),
      ...blocks.flatMap((i) => lines.slice(events[i]!.first, events[i]!.last + 1)),
      'END:VCALENDAR'
    ].join('\r\n')
  }

  /** ical.js names what it could not read, not where: the line it quotes, or the event that fails alone. */
  #locate(message: string, blocks: readonly number[]): IcsProblem {
    const what = `ical.js cannot read it (${excerpt(message)})`
    const quoted = /["'](.+?)["']/.exec(message)?.[1] ?? ''
    const line = lineStartingWith(this.#scan, quoted)
    if (line > 0) return new IcsProblem(line, what)
    for (const i of blocks) {
      try {
        ICAL.parse(this.#calendarOf([i]))
      } catch {
        return new IcsProblem(lineContaining(this.#scan, this.#scan.events[i]!, quoted), what)
      }
    }
    return new IcsProblem(0, what)
  }

  #eventOf(block: EventBlock, vevent: Component, exceptions: Component[]): FeedEvent {
    checkTimes(this.#scan, block, vevent)
    const event = new ICAL.Event(vevent, { strictExceptions: true, exceptions })
    const zone = zoneOf(vevent.getFirstProperty('dtstart')!)
    const repeats = event.isRecurring()
    const recurrence = vevent.getFirstProperty('recurrence-id')
    return {
      uid: block.uid,
      title: String(vevent.getFirstPropertyValue('summary') ?? '').trim() || '(no title)',
      location: String(vevent.getFirstPropertyValue('location') ?? '').trim(),
      cancelled: isCancelled(vevent),
      attendees: attendeesOf(vevent),
      allDay: event.startDate.isDate,
      start: instant(event.startDate, zone),
      end: instant(event.endDate, zone),
      recurrenceId: recurrence
        ? instant(recurrence.getFirstValue() as InstanceType<typeof ICAL.Time>, zoneOf(recurrence))
        : null,
      series: repeats ? event : null,
      ruleLine: repeats ? lineOfProperty(this.#scan, block, block.repeats ? 'rrule' : 'rdate') : 0,
      zone
    }
  }
}

export function isCancelled(vevent: Component): boolean {
  return String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED'
}

/** DTEND and RECURRENCE-ID must be real dates too (DTSTART was checked by the scan). */
function checkTimes(scan: IcsScan, block: EventBlock, vevent: Component): void {
  for (const name of ['dtend', 'recurrence-id']) {
    const property = vevent.getFirstProperty(name)
    const raw = property ? (property as unknown as { jCal: unknown[] }).jCal[3] : undefined
    if (property && (typeof raw !== 'string' || !TIME_VALUE.test(raw) || Number.isNaN(Date.parse(raw.slice(0, 10))))) {
      const what = `${name.toUpperCase()} is not a date or a date and time (“${excerpt(String(raw))}”)`
      throw new IcsProblem(lineOfProperty(scan, block, name), what)
    }
  }
}

function ownersOf(calendar: Component): string[] {
  const name = String(calendar.getFirstPropertyValue('x-wr-calname') ?? '')
    .trim()
    .toLowerCase()
  const owner = calendar.getFirstProperty('x-owner')
  const ownerEmail =
    /^mailto:(.+)$/i
      .exec(String(owner?.getFirstValue() ?? ''))?.[1]
      ?.trim()
      .toLowerCase() ?? ''
  return [/^[^\s@]+@[^\s@]+$/.test(name) ? name : '', ownerEmail].filter(Boolean)
}

function endOfLine(lines: readonly string[], i: number): number {
  let j = i
  while (j + 1 < lines.length && (lines[j + 1]![0] === ' ' || lines[j + 1]![0] === '\t')) j++
  return j
}
