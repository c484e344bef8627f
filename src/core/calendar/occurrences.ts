/**
 * The meetings a read calendar holds between two instants: single events as they are, repeating ones
 * expanded by ical.js (its rule, EXDATEs and overridden instances) in their own time zone, so a weekly 9:00
 * stays at 9:00 across a daylight-saving change. Cancelled events and instances are left out here; declined
 * ones are left out by the caller, who knows the user's addresses.
 */
import { attendeesOf } from './ics-attendees.ts'
import type { RawAttendee } from './ics-attendees.ts'
import { isCancelled } from './ics-feed.ts'
import type { FeedEvent, SeriesEvent } from './ics-feed.ts'
import { excerpt, IcsProblem } from './ics-scan.ts'
import { instant, zoneOf } from './ics-zones.ts'
import { endsBefore, pastCount, walkFrom } from './series-walk.ts'

export interface Occurrence {
  /** The event's UID, and for an instance of a repeating event, when that instance was due. */
  key: string
  title: string
  location: string
  start: number
  end: number
  allDay: boolean
  attendees: RawAttendee[]
}

/** An overridden instance may be moved by up to this much into or out of the window it was due in. */
const MOVED_SLACK_MS = 7 * 86_400_000
const DAY_MS = 86_400_000
/** A guard against rules that would never end (a minutely rule over decades). */
const MAX_STEPS = 50_000

/** Every occurrence that starts in [from, to), unsorted; a rule ical.js cannot follow is an IcsProblem. */
export function occurrencesBetween(events: readonly FeedEvent[], from: number, to: number): Occurrence[] {
  const found: Occurrence[] = []
  for (const event of events) {
    if (event.series) {
      try {
        expand(event, event.series, from, to, found)
      } catch (error) {
        const what = `the repeat rule of “${excerpt(event.title)}” cannot be followed (${excerpt((error as Error).message)})`
        throw new IcsProblem(event.ruleLine, what)
      }
      continue
    }
    if (event.cancelled || event.start < from || event.start >= to) continue
    const key = event.recurrenceId === null ? event.uid : `${event.uid}/${new Date(event.recurrenceId).toISOString()}`
    found.push(occurrenceOf(key, event, event.start, event.end))
  }
  return found
}

function expand(event: FeedEvent, series: SeriesEvent, from: number, to: number, found: Occurrence[]): void {
  if (event.cancelled || endsBefore(event, series, from - MOVED_SLACK_MS)) return
  const walk = walkFrom(series, from - MOVED_SLACK_MS - DAY_MS)
  const iterator = series.iterator(walk?.start)
  const idZone = zoneOf(series.component.getFirstProperty('dtstart')!)
  for (let step = 0, next = iterator.next(); next && step < MAX_STEPS; step++, next = iterator.next()) {
    // The wall clock read as UTC is within a day of the instant: converting (costly in ical.js) can wait.
    const wall = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute, next.second)
    if (wall >= to + MOVED_SLACK_MS + DAY_MS || pastCount(walk, next)) break
    if (wall < from - MOVED_SLACK_MS - DAY_MS) continue
    const due = instant(next, idZone)
    if (due >= to + MOVED_SLACK_MS) break
    if (due < from - MOVED_SLACK_MS) continue
    const details = series.getOccurrenceDetails(next)
    const item = details.item
    const overridden = item !== series
    if (overridden && isCancelled(item.component)) continue
    const start = instant(details.startDate, event.zone)
    if (start < from || start >= to) continue
    const key = `${event.uid}/${new Date(due).toISOString()}`
    if (!overridden) {
      found.push(occurrenceOf(key, event, start, instant(details.endDate, event.zone)))
      continue
    }
    const summary = String(item.component.getFirstPropertyValue('summary') ?? '').trim()
    const location = item.component.getFirstPropertyValue('location')
    found.push({
      ...occurrenceOf(key, event, start, instant(details.endDate, event.zone)),
      title: summary || event.title,
      location: location === null ? event.location : String(location).trim(),
      // An overridden instance lists its own attendees when someone was added or a reply changed.
      attendees: item.component.hasProperty('attendee') ? attendeesOf(item.component) : event.attendees,
      allDay: details.startDate.isDate
    })
  }
}

function occurrenceOf(key: string, event: FeedEvent, start: number, end: number): Occurrence {
  return {
    key,
    title: event.title,
    location: event.location,
    start,
    end: Math.max(end, start),
    allDay: event.allDay,
    attendees: event.attendees
  }
}
