/** The People list's rows: each person with last contact, next due day and open commitments, in one pass. */
import type { Journal } from '../../shared/schema/journal.ts'
import type { PersonRow } from '../../shared/views.ts'
import { localDay } from '../days.ts'
import { listPeople } from '../entries/people.ts'
import { lapseOf, lastContacts } from './agenda.ts'

export function peopleOverview(journal: Journal, now: Date): PersonRow[] {
  const today = localDay(now)
  const last = lastContacts(journal)
  const open = new Map<string, { nextDue: string; overdue: number; iOwe: number; theyOwe: number }>()
  for (const f of journal.followUps) {
    if (f.completedOn !== null) continue
    const tally = open.get(f.personId) ?? { nextDue: f.dueDate, overdue: 0, iOwe: 0, theyOwe: 0 }
    if (f.dueDate < tally.nextDue) tally.nextDue = f.dueDate
    if (f.dueDate < today) tally.overdue++
    tally[f.direction === 'i-owe' ? 'iOwe' : 'theyOwe']++
    open.set(f.personId, tally)
  }
  return listPeople(journal).map((person) => {
    const lastContact = last.get(person.id) ?? null
    const tally = open.get(person.id)
    return {
      person,
      lastContact,
      nextDue: tally?.nextDue ?? null,
      overdue: tally?.overdue ?? 0,
      iOwe: tally?.iOwe ?? 0,
      theyOwe: tally?.theyOwe ?? 0,
      lapsed: lapseOf(person, lastContact, today) !== null
    }
  })
}
