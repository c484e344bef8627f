/**
 * Meetings read from the user's calendar files (.ics): the shapes the calendar calls return, the settings
 * that choose the files, and the rule that refuses a web address. Events are read from the files each time;
 * the journal keeps only who an attendee is and the conversations logged after a meeting.
 */
import * as v from 'valibot'
import { strict } from './schema/common.ts'
import { CalendarMatchSchema } from './schema/person.ts'
import type { Person } from './schema/person.ts'

/** How an attendee was matched to a person: their email address, their name, or the user said so. */
export type MatchedBy = 'email' | 'name' | 'you'

export interface MeetingAttendee {
  /** The key a correction is saved under: the lower-case address, or "name:" and the folded name. */
  key: string
  /** As the calendar names them ('' when it gives only an address). */
  name: string
  email: string
  organizer: boolean
  /** The person they are, and how that was found; null when no one in the journal is. */
  person: { id: string; name: string } | null
  matchedBy: MatchedBy | null
}

export interface Meeting {
  /** Stable for one occurrence: the event's UID, and for a repeating event the time it was due. */
  key: string
  title: string
  /** ISO instants; an all-day event starts and ends at local midnight. */
  start: string
  end: string
  allDay: boolean
  location: string
  /** The calendar file it comes from. */
  file: string
  /** Everyone but the user (rooms and other resources left out), the organiser first. */
  attendees: MeetingAttendee[]
  /** The people matched, once each, in the attendees' order. */
  people: Person[]
  started: boolean
  /** The conversation that logged this meeting, once it has been logged. */
  loggedAs: string | null
}

export interface CalendarFileStatus {
  file: string
  /** Events (a repeating one counts once) in the last good read; 0 before any. */
  events: number
  /** When it was last read without a problem (ISO), or null. */
  readAt: string | null
  /** Why the last read failed, naming the line; '' when it did not. The last good read stays in use. */
  problem: string
}

export interface MeetingsView {
  today: string
  /** Today's meetings and tomorrow morning's (before noon), by start. */
  meetings: Meeting[]
  files: CalendarFileStatus[]
}

/** What the brief and the person page show: the next meeting with them in the coming weeks. */
export interface NextMeeting {
  key: string
  title: string
  start: string
  end: string
  allDay: boolean
  /** The other people in it (matched), by name. */
  withNames: string[]
}

/** An attendee as a correction names them (see MeetingAttendee.key). */
export const AttendeeKeySchema = CalendarMatchSchema.entries.attendee

/** How far ahead the next meeting with someone is looked for. */
export const NEXT_MEETING_DAYS = 60

/** The most calendar files Rapport reads. */
export const MAX_CALENDAR_FILES = 20

export const CalendarSettingsSchema = strict({
  /** The .ics files read, as full paths; changed only by adding or removing a file (never by a patch). */
  files: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(4096))),
    v.maxLength(MAX_CALENDAR_FILES, `At most ${MAX_CALENDAR_FILES} calendar files.`)
  ),
  /** The user's own addresses in those files: their attendance decides what is declined. */
  myEmails: v.pipe(
    v.array(
      v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('That email address does not look right.')),
      'Your addresses must be a list.'
    ),
    v.maxLength(10, 'At most 10 addresses of your own.')
  ),
  /** A notification this many minutes before a meeting with someone in the journal; off by default. */
  notify: strict({
    enabled: v.boolean(),
    minutes: v.pipe(
      v.number('Minutes must be a number.'),
      v.integer('Use whole minutes.'),
      v.minValue(1, 'Remind at least 1 minute before.'),
      v.maxValue(120, 'Remind at most 120 minutes before.')
    )
  })
})
export type CalendarSettings = v.InferOutput<typeof CalendarSettingsSchema>

export function defaultCalendarSettings(): CalendarSettings {
  return { files: [], myEmails: [], notify: { enabled: false, minutes: 10 } }
}

/** Calendars on the web are refused, never fetched: Rapport makes no network calls. */
export const WEB_CALENDAR = /^(https?|webcals?|ftp):\/\//i

export function webCalendarRefusal(address: string): string {
  return `Rapport never goes online, so it does not read calendars from the web (${address.slice(0, 80)}). Export the calendar from your calendar app as an .ics file, save it on this computer, and add that file instead.`
}
