/** Meetings in `rapport today`: one line each, and the JSON the command prints. */
import type { Meeting, MeetingsView } from '../shared/calendar.ts'
import { localDay } from '../core/days.ts'
import { clockSpan } from '../shared/day-format.ts'
import type { Output } from './output.ts'

/** "  09:30–10:00  Acme weekly sync · Ana García, Luis Ortega (not in Rapport)  [done]" */
function meetingLine(meeting: Meeting, today: string): string {
  const when = meeting.allDay ? 'all day    ' : clockSpan(meeting.start, meeting.end)
  const day = localDay(new Date(meeting.start)) === today ? '' : 'tomorrow '
  const people = meeting.attendees.map((a) => a.person?.name ?? `${a.name || a.email} (not in Rapport)`)
  const done = meeting.loggedAs ? '  [logged]' : ''
  return `  ${day}${when}  ${meeting.title}${people.length > 0 ? ` · ${people.join(', ')}` : ''}${done}`
}

export function printMeetings(view: MeetingsView, out: Output): void {
  const problems = view.files.filter((f) => f.problem)
  if (view.files.length === 0) return
  out.line()
  out.line(`Meetings (${view.meetings.length})`)
  if (view.meetings.length === 0) out.line('  None today or tomorrow morning.')
  for (const meeting of view.meetings) out.line(meetingLine(meeting, view.today))
  for (const file of problems) out.line(`  Calendar problem: ${file.problem}`)
}

export function meetingsJson(view: MeetingsView) {
  return {
    meetings: view.meetings.map((m) => ({
      title: m.title,
      start: m.start,
      end: m.end,
      allDay: m.allDay,
      location: m.location,
      people: m.people.map((p) => ({ id: p.id, name: p.name })),
      attendees: m.attendees.map((a) => ({
        name: a.name,
        email: a.email,
        organizer: a.organizer,
        personId: a.person?.id ?? null,
        personName: a.person?.name ?? null,
        matchedBy: a.matchedBy
      })),
      logged: m.loggedAs !== null
    })),
    calendarProblems: view.files.flatMap((f) => (f.problem ? [f.problem] : []))
  }
}
