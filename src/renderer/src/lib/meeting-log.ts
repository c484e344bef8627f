/** Logging a meeting from Today: the log form filled in from the calendar event. */
import type { Meeting } from '../../../shared/calendar.ts'
import type { Channel } from '../../../shared/schema/conversation.ts'
import { clockSpan } from '../../../shared/day-format.ts'

/** What the log form starts with: when, how, the title, the others in it, and the meeting's key. */
export interface LogPrefill {
  date: string
  channel: Channel
  title: string
  others: Array<{ id: string; name: string }>
  meeting: string
}

/** The first person matched is whose page it is logged from; everyone else matched is "also with". */
export function prefillOf(meeting: Meeting): LogPrefill {
  return {
    date: meeting.start,
    channel: 'meeting',
    title: meeting.title.slice(0, 200),
    others: meeting.people.slice(1).map((p) => ({ id: p.id, name: p.name })),
    meeting: meeting.key
  }
}

/** A name for someone the calendar gives only an address for: "anna.kowalczyk@…" → "Anna Kowalczyk". */
export function nameFromAddress(email: string): string {
  const local = email.split('@')[0] ?? ''
  const words = local.split(/[._+-]+/).filter(Boolean)
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') || email
}

/** "10:00–10:30", "All day". */
export function meetingTime(meeting: Pick<Meeting, 'start' | 'end' | 'allDay'>): string {
  return meeting.allDay ? 'All day' : clockSpan(meeting.start, meeting.end)
}
