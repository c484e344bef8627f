/**
 * Meetings as Today, the brief and the reminder see them: occurrences from the calendar files with their
 * attendees matched to people, the user's own attendance left out (a meeting they declined is no meeting),
 * and whether a conversation has logged them yet.
 */
import type { Meeting, MeetingAttendee, NextMeeting } from '../../shared/calendar.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { AttendeeMatcher } from './attendee-match.ts'
import type { FileOccurrence } from './calendar-source.ts'

export interface MeetingContext {
  journal: Journal
  matcher: AttendeeMatcher
  /** The user's addresses (settings and the files' owners), lower case. */
  me: ReadonlySet<string>
  now: Date
}

/** Today's meetings and tomorrow morning's (starting before noon); all-day ones only when someone is matched. */
export function meetingsSoon(occurrences: readonly FileOccurrence[], context: MeetingContext): Meeting[] {
  const { now } = context
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  const tomorrowNoon = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 12).getTime()
  const logged = loggedMeetings(context.journal)
  return occurrences
    .filter((o) => o.start >= today && o.start < tomorrowNoon && !declined(o, context.me))
    .map((o) => meetingOf(o, context, logged))
    .filter((m) => !m.allDay || m.people.length > 0)
}

/** The next meeting with `person` that has not started yet, within the weeks the calendar is read ahead. */
export function nextMeetingWith(
  occurrences: readonly FileOccurrence[],
  context: MeetingContext,
  person: Person
): NextMeeting | null {
  const now = context.now.getTime()
  for (const occurrence of occurrences) {
    if (occurrence.start <= now || occurrence.allDay || declined(occurrence, context.me)) continue
    if (!occurrence.attendees.some((a) => context.matcher.mayBe(a, person))) continue
    const meeting = meetingOf(occurrence, context, new Map())
    if (!meeting.people.some((p) => p.id === person.id)) continue
    return {
      key: meeting.key,
      title: meeting.title,
      start: meeting.start,
      end: meeting.end,
      allDay: meeting.allDay,
      withNames: meeting.people.filter((p) => p.id !== person.id).map((p) => p.name)
    }
  }
  return null
}

function meetingOf(occurrence: FileOccurrence, context: MeetingContext, logged: Map<string, string>): Meeting {
  const people = new Map<string, Person>()
  const attendees: MeetingAttendee[] = occurrence.attendees
    .filter((a) => !context.me.has(a.email))
    .sort((a, b) => Number(b.organizer) - Number(a.organizer))
    .map((a) => {
      const { key, person, matchedBy } = context.matcher.match(a)
      if (person) people.set(person.id, person)
      const shown = person ? { id: person.id, name: person.name } : null
      return { key, name: a.name, email: a.email, organizer: a.organizer, person: shown, matchedBy }
    })
  return {
    key: occurrence.key,
    title: occurrence.title,
    start: new Date(occurrence.start).toISOString(),
    end: new Date(occurrence.end).toISOString(),
    allDay: occurrence.allDay,
    location: occurrence.location,
    file: occurrence.file,
    attendees,
    people: [...people.values()],
    started: occurrence.start <= context.now.getTime(),
    loggedAs: logged.get(occurrence.key) ?? null
  }
}

/** The user said no: their own attendee (by one of their addresses) has declined. */
function declined(occurrence: FileOccurrence, me: ReadonlySet<string>): boolean {
  return occurrence.attendees.some((a) => me.has(a.email) && a.status === 'DECLINED')
}

/** Meeting key → the conversation that logged it. */
function loggedMeetings(journal: Journal): Map<string, string> {
  const logged = new Map<string, string>()
  for (const c of journal.conversations) if (c.meeting) logged.set(c.meeting, c.id)
  return logged
}
