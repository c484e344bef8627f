/**
 * Who a calendar attendee is. What the user said comes first ("this is Marta", "this is not Anna"), then
 * the email address, then the name: exactly (case, accents and word order aside, so "Kowalczyk, Anna" is
 * Anna Kowalczyk), or through the app's own search, which forgives a typo per word ("Ana Kowalczyk"). A
 * name that fits several people matches none of them: the user picks.
 */
import { foldedWords } from '../../shared/fold-key.ts'
import type { MatchedBy } from '../../shared/calendar.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { SearchGroup } from '../../shared/search.ts'
import type { RawAttendee } from './ics-attendees.ts'

export type SearchPeople = (text: string) => SearchGroup[]

export interface AttendeeMatch {
  key: string
  person: Person | null
  matchedBy: MatchedBy | null
}

/** The key a correction is saved under: the address, or the folded name when there is none. */
function attendeeKey(attendee: Pick<RawAttendee, 'name' | 'email'>): string {
  return attendee.email || `name:${foldedWords(attendee.name).join(' ')}`
}

/** Folded name words, sorted: the same for "Anna Kowalczyk" and "Kowalczyk, Anna". */
const nameKey = (name: string) => foldedWords(name).sort().join(' ')

export class AttendeeMatcher {
  readonly #people: ReadonlyMap<string, Person>
  readonly #search: SearchPeople
  readonly #said = new Map<string, { is: Person | null; not: Set<string> }>()
  readonly #byEmail = new Map<string, Person[]>()
  readonly #byName = new Map<string, Person[]>()
  readonly #cache = new Map<string, AttendeeMatch>()

  constructor(journal: Journal, search: SearchPeople) {
    this.#people = new Map(journal.people.map((person) => [person.id, person]))
    this.#search = search
    for (const person of journal.people) {
      for (const { attendee, is } of person.calendarMatches) {
        const said = this.#said.get(attendee) ?? { is: null, not: new Set<string>() }
        if (is) said.is = person
        else said.not.add(person.id)
        this.#said.set(attendee, said)
      }
      if (person.email) push(this.#byEmail, person.email.toLowerCase(), person)
      push(this.#byName, nameKey(person.name), person)
    }
  }

  match(attendee: Pick<RawAttendee, 'name' | 'email'>): AttendeeMatch {
    const key = attendeeKey(attendee)
    let found = this.#cache.get(key)
    if (!found) {
      found = this.#find(key, attendee)
      this.#cache.set(key, found)
    }
    return found
  }

  /** Whether `attendee` could be `person` at all: a cheap test before matching every attendee in weeks. */
  mayBe(attendee: Pick<RawAttendee, 'name' | 'email'>, person: Person): boolean {
    const key = attendeeKey(attendee)
    if (person.calendarMatches.some((m) => m.attendee === key)) return true
    if (attendee.email && attendee.email === person.email.toLowerCase()) return true
    const words = new Set(foldedWords(person.name))
    return foldedWords(attendee.name).some((word) => words.has(word))
  }

  #find(key: string, { name, email }: Pick<RawAttendee, 'name' | 'email'>): AttendeeMatch {
    const said = this.#said.get(key)
    if (said?.is) return { key, person: said.is, matchedBy: 'you' }
    const allowed = (person: Person) => !said?.not.has(person.id)
    const byEmail = (this.#byEmail.get(email) ?? []).filter(allowed)
    if (email && byEmail.length > 0) {
      // One address shared by two people (a team inbox): the one still active.
      return { key, person: byEmail.find((p) => !p.archived) ?? byEmail[0]!, matchedBy: 'email' }
    }
    const words = foldedWords(name)
    if (words.length === 0 || name.includes('@')) return { key, person: null, matchedBy: null }
    const exact = (this.#byName.get(nameKey(name)) ?? []).filter(allowed)
    if (exact.length > 0) return one(key, exact)
    // Every word of the name must match a word of theirs, as search matches it (one typo per word).
    const fits = this.#search(name).flatMap((group) => {
      const hit = group.hits.find((h) => h.kind === 'person')
      const person = this.#people.get(group.personId)
      return hit && person && allowed(person) && hit.titleMarks.length >= words.length ? [person] : []
    })
    return one(key, fits)
  }
}

function one(key: string, people: Person[]): AttendeeMatch {
  return people.length === 1 ? { key, person: people[0]!, matchedBy: 'name' } : { key, person: null, matchedBy: null }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
