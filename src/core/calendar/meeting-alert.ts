/**
 * The reminder before a meeting with someone in the journal: when it is due (N minutes before the start;
 * at once when Rapport starts inside that time) and what it says. The desktop shows it; this decides.
 */
import type { Meeting } from '../../shared/calendar.ts'
import { clockTime } from '../../shared/day-format.ts'

export interface MeetingAlert {
  /** When to show it (ms); at or before now means at once. */
  at: number
  meeting: Meeting
}

const MINUTE = 60_000

/** The next alert not yet shown: meetings with a matched person that have not started, soonest first. */
export function nextAlert(
  meetings: readonly Meeting[],
  now: Date,
  minutes: number,
  shown: ReadonlySet<string>
): MeetingAlert | null {
  let next: MeetingAlert | null = null
  for (const meeting of meetings) {
    const start = Date.parse(meeting.start)
    if (meeting.allDay || meeting.people.length === 0 || start <= now.getTime() || shown.has(meeting.key)) continue
    const at = start - minutes * MINUTE
    if (!next || at < next.at) next = { at, meeting }
  }
  return next
}

/** "Call with Marta Nowak in 10 min", "“Weekly sync” at 10:00 — open the brief". */
export function alertText(meeting: Meeting, now: Date): { title: string; body: string } {
  const names = meeting.people.map((p) => p.name)
  const who =
    names.length === 1
      ? names[0]!
      : names.length === 2
        ? `${names[0]} and ${names[1]}`
        : `${names[0]} and ${names.length - 1} others`
  const minutes = Math.ceil((Date.parse(meeting.start) - now.getTime()) / MINUTE)
  return {
    title: `Call with ${who} ${minutes > 0 ? `in ${minutes} min` : 'now'}`,
    body: `“${meeting.title}” at ${clockTime(meeting.start)} — open the brief`
  }
}
