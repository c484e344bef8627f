/**
 * A calendar of what is coming up: every open follow-up, and each person's next keep-in-touch date, as
 * all-day events any calendar app imports (Apple Calendar, Google Calendar, Outlook, Thunderbird). Each event's
 * UID is stable, so importing a newer file updates the events instead of doubling them.
 */
import type { Journal } from '../../shared/schema/journal.ts'
import type { CalendarCounts } from '../../shared/transfer.ts'
import { addDays, localDay } from '../days.ts'
import { lastContacts } from '../views/agenda.ts'
import { writeOwnFile } from './own-file.ts'
import { icsDate, icsLines, icsStamp, icsText } from './ics-text.ts'

export const CALENDAR_PRODID = '-//Rapport//Rapport follow-ups//EN'

export interface Calendar extends CalendarCounts {
  text: string
}

export function renderCalendar(journal: Journal, now: Date): Calendar {
  const people = new Map(journal.people.map((p) => [p.id, p]))
  const stamp = icsStamp(now)
  const today = localDay(now)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${CALENDAR_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Rapport follow-ups'
  ]
  const event = (uid: string, day: string, summary: string, description: string, category: string) =>
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@rapport.journal`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(day)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(day, 1))}`,
      `SUMMARY:${icsText(summary)}`,
      ...(description ? [`DESCRIPTION:${icsText(description)}`] : []),
      `CATEGORIES:Rapport,${category}`,
      // An all-day reminder should not show the day as busy.
      'TRANSP:TRANSPARENT',
      'END:VEVENT'
    )
  const about = (id: string) => {
    const p = people.get(id)!
    return [p.role, p.company].filter(Boolean).join(', ')
  }

  const open = journal.followUps
    .filter((f) => f.completedOn === null && people.has(f.personId))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
  const conversations = new Map(journal.conversations.map((c) => [c.id, c]))
  for (const f of open) {
    const name = people.get(f.personId)!.name
    const from = f.conversationId ? conversations.get(f.conversationId) : undefined
    const description = [
      about(f.personId) ? `${name} · ${about(f.personId)}` : name,
      ...(from ? [`Agreed in “${from.title}” on ${localDay(new Date(from.date))}`] : [])
    ].join('\n')
    event(
      `follow-up-${f.id}`,
      f.dueDate,
      f.direction === 'i-owe' ? `I owe ${name}: ${f.title}` : `${name} owes me: ${f.title}`,
      description,
      'Follow-up'
    )
  }

  const last = lastContacts(journal)
  const cadenced = journal.people
    .filter((p) => p.cadenceDays !== null && !p.archived)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  for (const p of cadenced) {
    const since = last.get(p.id) ?? localDay(new Date(p.createdAt))
    const due = addDays(since, p.cadenceDays!)
    // A lapsed one is shown today, where it can still be acted on, rather than on a day gone by.
    const day = due < today ? today : due
    const description = [
      about(p.id),
      `Last contact: ${last.get(p.id) ?? 'never'}`,
      ...(due < today ? [`Due since ${due}`] : [])
    ]
      .filter(Boolean)
      .join('\n')
    event(
      `keep-in-touch-${p.id}`,
      day,
      `Keep in touch with ${p.name} (every ${p.cadenceDays} days)`,
      description,
      'Keep in touch'
    )
  }
  lines.push('END:VCALENDAR')
  return { text: icsLines(lines), followUps: open.length, keepInTouch: cadenced.length }
}

/** Saves the calendar at `file`, replacing only a calendar Rapport wrote there before, never another file. */
export async function writeCalendar(file: string, text: string): Promise<void> {
  await writeOwnFile(file, text, `\r\nPRODID:${CALENDAR_PRODID}\r\n`, 'a calendar')
}
