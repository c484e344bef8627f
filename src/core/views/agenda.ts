/**
 * The agenda rules: last contact, keep-in-touch lapses, the promise record, and the Today view.
 * "Last contact" is always derived from the newest conversation, never typed by hand.
 */
import { formatDayAs } from '../../shared/day-format.ts'
import type { DateFormat } from '../../shared/day-format.ts'
import type { Conversation } from '../../shared/schema/conversation.ts'
import type { FollowUp } from '../../shared/schema/follow-up.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { Contact, LapsedPerson, PromiseRecord, Today } from '../../shared/views.ts'
import { newestFirst } from '../entries/conversations.ts'
import { addDays, daysBetween, localDay, startOfWeek } from '../days.ts'
import { byName } from '../entries/people.ts'
import { upcomingDates } from './important-dates.ts'

/** How far ahead Today's "coming up" looks. */
export const UPCOMING_DAYS = 7

/** Newest conversation day per person, in one pass over the journal. */
export function lastContacts(journal: Journal): Map<string, string> {
  const last = new Map<string, string>()
  for (const c of journal.conversations) {
    const day = localDay(new Date(c.date))
    for (const id of c.personIds) if ((last.get(id) ?? '') < day) last.set(id, day)
  }
  return last
}

/** Last contact from one person's conversations (conversationsOf): a scan of the journal's 20,000 was most of a brief. */
export function contactOf(conversations: readonly Conversation[], today: string): Contact {
  let newest = -Infinity
  for (const c of conversations) newest = Math.max(newest, Date.parse(c.date))
  const lastContact = newest === -Infinity ? null : localDay(new Date(newest))
  return { lastContact, daysSince: lastContact === null ? null : daysBetween(lastContact, today) }
}

/** How the user's commitments (direction "i-owe") or theirs ("they-owe") to one person have gone. */
export function promiseRecord(
  followUps: readonly FollowUp[],
  direction: FollowUp['direction'],
  today: string
): PromiseRecord {
  const record: PromiseRecord = { keptOnTime: 0, keptLate: 0, overdue: 0, open: 0 }
  for (const f of followUps) {
    if (f.direction !== direction) continue
    if (f.completedOn !== null) record[f.completedOn <= f.dueDate ? 'keptOnTime' : 'keptLate']++
    else record[f.dueDate < today ? 'overdue' : 'open']++
  }
  return record
}

/** A person whose keep-in-touch cadence has run out (archived people are never nagged about). */
export function lapseOf(person: Person, lastContact: string | null, today: string): LapsedPerson | null {
  if (person.cadenceDays === null || person.archived) return null
  const since = lastContact ?? localDay(new Date(person.createdAt))
  const daysSince = daysBetween(since, today)
  return daysSince > person.cadenceDays ? { person, lastContact, daysSince, cadenceDays: person.cadenceDays } : null
}

export function todayView(
  journal: Journal,
  now: Date,
  firstDayOfWeek: Parameters<typeof startOfWeek>[1] = 'monday',
  dateFormat: DateFormat = 'system'
): Today {
  const today = localDay(now)
  const names = new Map(journal.people.map((p) => [p.id, p.name]))
  const weekAhead = addDays(today, UPCOMING_DAYS)
  const due = journal.followUps
    .filter((f) => f.completedOn === null && f.dueDate <= weekAhead)
    .map((f) => ({ ...f, personName: names.get(f.personId) ?? '', daysOverdue: daysBetween(f.dueDate, today) }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.personName.localeCompare(b.personName))
  const last = lastContacts(journal)
  const lapsed = [...journal.people]
    .sort(byName)
    .flatMap((p) => lapseOf(p, last.get(p.id) ?? null, today) ?? [])
    .sort((a, b) => b.daysSince - b.cadenceDays - (a.daysSince - a.cadenceDays))
  const weekStart = startOfWeek(today, firstDayOfWeek)
  const thisWeek = journal.conversations
    .filter((c) => {
      const day = localDay(new Date(c.date))
      return day >= weekStart && day <= today
    })
    .sort(newestFirst)
    .map((c) => ({ ...c, personNames: c.personIds.map((id) => names.get(id) ?? '') }))
  return {
    today,
    overdue: due.filter((f) => f.daysOverdue > 0),
    dueToday: due.filter((f) => f.daysOverdue === 0),
    upcoming: due.filter((f) => f.daysOverdue < 0),
    lapsed,
    thisWeek,
    dates: upcomingDates(journal, today, (day) => formatDayAs(day, dateFormat))
  }
}
