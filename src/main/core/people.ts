/** People: the rules for adding, editing, deleting and restoring a person. */
import { randomUUID } from 'node:crypto'
import type { Journal, Person, PersonInput, RemovedPerson } from '../../shared/schema.ts'
import type { JournalStore } from './journal-store.ts'
import { RapportError } from './rapport-error.ts'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Everyone, sorted by name the way a person would sort them. */
export function listPeople(journal: Journal): Person[] {
  return [...journal.people].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
}

export function createPerson(store: JournalStore, input: PersonInput, now: Date): Promise<Person> {
  const stamp = now.toISOString()
  const person: Person = { id: randomUUID(), ...input, createdAt: stamp, updatedAt: stamp }
  return store.change((journal) => ({ next: { ...journal, people: [...journal.people, person] }, result: person }))
}

export function updatePerson(store: JournalStore, id: string, input: PersonInput, now: Date): Promise<Person> {
  return store.change((journal) => {
    const index = indexOf(journal, id)
    const person: Person = { ...journal.people[index]!, ...input, updatedAt: now.toISOString() }
    return { next: { ...journal, people: journal.people.with(index, person) }, result: person }
  })
}

export function deletePerson(store: JournalStore, id: string): Promise<RemovedPerson> {
  return store.change((journal) => {
    const index = indexOf(journal, id)
    const removed: RemovedPerson = { person: journal.people[index]!, index }
    return { next: { ...journal, people: journal.people.toSpliced(index, 1) }, result: removed }
  })
}

/** Undo of a delete: the person returns exactly as they were, at the place they had. */
export function restorePerson(store: JournalStore, removed: RemovedPerson): Promise<Person> {
  return store.change((journal) => {
    if (journal.people.some((p) => p.id === removed.person.id)) {
      throw new RapportError('invalid-input', `${removed.person.name} is already in the journal.`)
    }
    const index = Math.min(removed.index, journal.people.length)
    return { next: { ...journal, people: journal.people.toSpliced(index, 0, removed.person) }, result: removed.person }
  })
}

function indexOf(journal: Journal, id: string): number {
  const index = journal.people.findIndex((p) => p.id === id)
  if (index === -1) throw new RapportError('not-found', 'That person is no longer in the journal.')
  return index
}
