/** People: adding, editing, and deleting a person together with everything that is only theirs. */
import { randomUUID } from 'node:crypto'
import type { Journal } from '../../shared/schema/journal.ts'
import { defaultProfile } from '../../shared/schema/person.ts'
import type { NewPerson, Person, PersonPatch } from '../../shared/schema/person.ts'
import type { Taken } from '../../shared/schema/removed.ts'
import { definedOnly, indexById, replaceById } from './collections.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { alter, takeOut } from './removal.ts'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export function byName(a: Person, b: Person): number {
  return collator.compare(a.name, b.name) || a.id.localeCompare(b.id)
}

/** Everyone, sorted by name the way a person would sort them. */
export function listPeople(journal: Journal): Person[] {
  return [...journal.people].sort(byName)
}

export function createPerson(store: JournalStore, input: NewPerson, now: Date): Promise<Person> {
  const stamp = now.toISOString()
  const person: Person = {
    id: randomUUID(),
    ...defaultProfile(),
    ...definedOnly(input),
    name: input.name,
    createdAt: stamp,
    updatedAt: stamp
  }
  return store.change((journal) => ({ next: { ...journal, people: [...journal.people, person] }, result: person }))
}

export function updatePerson(store: JournalStore, id: string, patch: PersonPatch, now: Date): Promise<Person> {
  return store.change((journal) => {
    const { items, item } = replaceById(journal.people, id, 'person', (person) => ({
      ...person,
      ...definedOnly(patch),
      updatedAt: now.toISOString()
    }))
    return { next: { ...journal, people: items }, result: item }
  })
}

/**
 * Removes a person with their interests, challenges, value entries and follow-ups, and the conversations
 * that were with them alone; a conversation shared with others only loses them from its people.
 */
export function deletePerson(store: JournalStore, id: string): Promise<Taken> {
  return store.change((journal) => {
    const person = journal.people[indexById(journal.people, id, 'person')]!
    const people = takeOut(journal, 'people', (p) => p.id !== id)
    const solo = takeOut(journal, 'conversations', (c) => !(c.personIds.length === 1 && c.personIds[0] === id))
    const soloIds = new Set(solo.slots.map(({ item }) => item.id))
    const shared = alter({ ...journal, conversations: solo.kept }, 'conversations', (c) =>
      c.personIds.includes(id) ? { ...c, personIds: c.personIds.filter((p) => p !== id) } : c
    )
    const interests = takeOut(journal, 'interests', (i) => i.ownerId !== id)
    const challenges = takeOut(journal, 'challenges', (c) => c.personId !== id)
    const values = takeOut(journal, 'values', (v) => v.personId !== id)
    const followUps = takeOut(journal, 'followUps', (f) => f.personId !== id)
    // Other people's follow-ups that pointed at a removed conversation keep their text but lose the link.
    const unlinked = alter({ ...journal, followUps: followUps.kept }, 'followUps', (f) =>
      f.conversationId && soloIds.has(f.conversationId) ? { ...f, conversationId: null } : f
    )
    const removed: Taken = {
      label: person.name,
      people: people.slots,
      // Shared conversations are recorded by their position in the list after solo ones left; restoring
      // replaces them in place by id, so their position only matters for the solo ones.
      conversations: [...solo.slots, ...shared.slots],
      interests: interests.slots,
      challenges: challenges.slots,
      values: values.slots,
      followUps: [...followUps.slots, ...unlinked.slots]
    }
    return {
      next: {
        ...journal,
        people: people.kept,
        conversations: shared.next,
        interests: interests.kept,
        challenges: challenges.kept,
        values: values.kept,
        followUps: unlinked.next
      },
      result: removed
    }
  })
}
