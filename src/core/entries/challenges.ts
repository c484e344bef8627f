/** Challenges a person is working on, and the value the user brought them. */
import { randomUUID } from 'node:crypto'
import type { Challenge, ChallengeInput, Value, ValueInput } from '../../shared/schema/challenge.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Taken } from '../../shared/schema/removed.ts'
import type { ChallengeView } from '../../shared/views.ts'
import { getById, indexById, replaceById } from './collections.ts'
import { localDay } from '../days.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { RapportError } from '../rapport-error.ts'
import { alter, takeOut } from './removal.ts'

export function addChallenge(store: JournalStore, input: ChallengeInput, now: Date): Promise<Challenge> {
  const stamp = now.toISOString()
  return store.change((journal) => {
    indexById(journal.people, input.personId, 'person')
    const challenge: Challenge = {
      id: randomUUID(),
      ...input,
      closedOn: input.status === 'open' ? '' : localDay(now),
      createdAt: stamp,
      updatedAt: stamp
    }
    return { next: { ...journal, challenges: [...journal.challenges, challenge] }, result: challenge }
  })
}

/** Edits a challenge; moving it out of "open" stamps the day, moving it back clears it. */
export function updateChallenge(store: JournalStore, id: string, input: ChallengeInput, now: Date): Promise<Challenge> {
  return store.change((journal) => {
    const { items, item } = replaceById(journal.challenges, id, 'challenge', (c) => {
      if (c.personId !== input.personId)
        throw new RapportError('invalid-input', 'A challenge cannot move to another person.')
      const closedOn = input.status === 'open' ? '' : c.status === 'open' || !c.closedOn ? localDay(now) : c.closedOn
      return { ...c, ...input, closedOn, updatedAt: now.toISOString() }
    })
    return { next: { ...journal, challenges: items }, result: item }
  })
}

/** Deletes a challenge; value entries linked to it stay, unlinked. */
export function deleteChallenge(store: JournalStore, id: string): Promise<Taken> {
  return store.change((journal) => {
    const challenge = getById(journal.challenges, id, 'challenge')
    const removed = takeOut(journal, 'challenges', (c) => c.id !== id)
    const unlinked = alter(journal, 'values', (v) => (v.challengeId === id ? { ...v, challengeId: null } : v))
    return {
      next: { ...journal, challenges: removed.kept, values: unlinked.next },
      result: { label: `“${challenge.title}”`, challenges: removed.slots, values: unlinked.slots }
    }
  })
}

export function addValue(store: JournalStore, input: ValueInput, now: Date): Promise<Value> {
  return store.change((journal) => {
    indexById(journal.people, input.personId, 'person')
    if (input.challengeId) requireOwnChallenge(journal, input.challengeId, input.personId)
    const value: Value = { id: randomUUID(), ...input, createdAt: now.toISOString() }
    return { next: { ...journal, values: [...journal.values, value] }, result: value }
  })
}

/** Edits a value entry; it may move to another of the same person's challenges, or to none. */
export function updateValue(store: JournalStore, id: string, input: ValueInput): Promise<Value> {
  return store.change((journal) => {
    if (input.challengeId) requireOwnChallenge(journal, input.challengeId, input.personId)
    const { items, item } = replaceById(journal.values, id, 'value entry', (v) => {
      if (v.personId !== input.personId)
        throw new RapportError('invalid-input', 'A value entry cannot move to another person.')
      return { ...v, ...input }
    })
    return { next: { ...journal, values: items }, result: item }
  })
}

export function deleteValue(store: JournalStore, id: string): Promise<Taken> {
  return store.change((journal) => {
    const value = getById(journal.values, id, 'value entry')
    const removed = takeOut(journal, 'values', (v) => v.id !== id)
    return { next: { ...journal, values: removed.kept }, result: { label: `“${value.title}”`, values: removed.slots } }
  })
}

function requireOwnChallenge(journal: Journal, challengeId: string, personId: string): void {
  if (getById(journal.challenges, challengeId, 'challenge').personId !== personId)
    throw new RapportError('invalid-input', 'That challenge belongs to someone else.')
}

const STATUS_ORDER = { open: 0, helped: 1, solved: 2 } as const

/** A person's challenges, open ones first, each with the value brought for it (newest first). */
export function challengesOf(journal: Journal, personId: string): ChallengeView[] {
  return journal.challenges
    .filter((c) => c.personId === personId)
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.openedOn.localeCompare(a.openedOn))
    .map((c) => ({
      ...c,
      values: journal.values.filter((v) => v.challengeId === c.id).sort((a, b) => b.date.localeCompare(a.date))
    }))
}
