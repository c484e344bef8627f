/** Interests of people and of the user ("me"), and who shares which. */
import { randomUUID } from 'node:crypto'
import { interestKey } from '../../shared/schema/interest.ts'
import type { Interest, InterestInput } from '../../shared/schema/interest.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { Taken } from '../../shared/schema/removed.ts'
import type { InterestView } from '../../shared/views.ts'
import { getById, indexById, replaceById } from './collections.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { byName } from './people.ts'
import { takeOut } from './removal.ts'

export function addInterest(store: JournalStore, input: InterestInput, now: Date): Promise<Interest> {
  return store.change((journal) => {
    if (input.ownerId !== 'me') indexById(journal.people, input.ownerId, 'person')
    const interest: Interest = { id: randomUUID(), ...input, createdAt: now.toISOString() }
    return { next: { ...journal, interests: [...journal.interests, interest] }, result: interest }
  })
}

export function updateInterest(store: JournalStore, id: string, input: InterestInput): Promise<Interest> {
  return store.change((journal) => {
    if (input.ownerId !== 'me') indexById(journal.people, input.ownerId, 'person')
    const { items, item } = replaceById(journal.interests, id, 'interest', (i) => ({ ...i, ...input }))
    return { next: { ...journal, interests: items }, result: item }
  })
}

export function deleteInterest(store: JournalStore, id: string): Promise<Taken> {
  return store.change((journal) => {
    const interest = getById(journal.interests, id, 'interest')
    const removed = takeOut(journal, 'interests', (i) => i.id !== id)
    return {
      next: { ...journal, interests: removed.kept },
      result: { label: `“${interest.label}”`, interests: removed.slots }
    }
  })
}

/** An owner's interests, those shared with the user first, then by label. */
export function interestsOf(journal: Journal, ownerId: string): InterestView[] {
  const mine = new Set(journal.interests.filter((i) => i.ownerId === 'me').map((i) => interestKey(i.label)))
  return journal.interests
    .filter((i) => i.ownerId === ownerId)
    .map((i) => ({ ...i, inCommon: ownerId !== 'me' && mine.has(interestKey(i.label)) }))
    .sort((a, b) => Number(b.inCommon) - Number(a.inCommon) || a.label.localeCompare(b.label))
}

/** Everyone who has an interest with this label (ignoring case and accents), by name. */
export function peopleWithInterest(journal: Journal, label: string): Person[] {
  const key = interestKey(label)
  const owners = new Set(
    journal.interests.filter((i) => i.ownerId !== 'me' && interestKey(i.label) === key).map((i) => i.ownerId)
  )
  return journal.people.filter((p) => owners.has(p.id)).sort(byName)
}
