/** What the user says about a calendar attendee, remembered on the person: "this is …", "this is not …". */
import type { Person } from '../../shared/schema/person.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { indexById } from './collections.ts'

/**
 * `is`: the attendee is this person, and no one else. Not `is`: the attendee is not this person (the
 * automatic match looks elsewhere). Either replaces what was said before about the two of them.
 */
export function matchAttendee(
  store: JournalStore,
  attendee: string,
  personId: string,
  is: boolean,
  now: Date
): Promise<Person> {
  return store.change((journal) => {
    const at = indexById(journal.people, personId, 'person')
    const updatedAt = now.toISOString()
    const people = journal.people.map((person, index) => {
      const others = person.calendarMatches.filter((m) => m.attendee !== attendee)
      if (index === at) return { ...person, calendarMatches: [...others, { attendee, is }], updatedAt }
      const wasThem = person.calendarMatches.some((m) => m.attendee === attendee && m.is)
      return is && wasThem ? { ...person, calendarMatches: others, updatedAt } : person
    })
    return { next: { ...journal, people }, result: people[at]! }
  })
}
