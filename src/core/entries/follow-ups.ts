/** Follow-ups and commitments: create, edit or reschedule, complete, reopen, delete. */
import { randomUUID } from 'node:crypto'
import type { FollowUp, FollowUpInput } from '../../shared/schema/follow-up.ts'
import type { Taken } from '../../shared/schema/removed.ts'
import { getById, indexById, replaceById } from './collections.ts'
import { localDay } from '../days.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { RapportError } from '../rapport-error.ts'
import { shorten } from '../../shared/schema/common.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import { takeOut } from './removal.ts'

/** A follow-up as typed in the "log conversation" form, before it is linked to the conversation. */
export type FollowUpDraft = Omit<FollowUpInput, 'conversationId'>

export function newFollowUp(input: FollowUpInput, now: Date): FollowUp {
  const stamp = now.toISOString()
  return { id: randomUUID(), ...input, completedOn: null, createdAt: stamp, updatedAt: stamp }
}

export function addFollowUp(store: JournalStore, input: FollowUpInput, now: Date): Promise<FollowUp> {
  return store.change((journal) => {
    requireLink(journal, input)
    const followUp = newFollowUp(input, now)
    return { next: { ...journal, followUps: [...journal.followUps, followUp] }, result: followUp }
  })
}

/** Edits a follow-up; changing its due date is how it is rescheduled. */
export function updateFollowUp(store: JournalStore, id: string, input: FollowUpInput, now: Date): Promise<FollowUp> {
  return store.change((journal) => {
    const before = getById(journal.followUps, id, 'follow-up')
    // A link made before links were checked is kept as it is; a new one must hold.
    const same = before.personId === input.personId && before.conversationId === input.conversationId
    if (!same) requireLink(journal, input)
    else indexById(journal.people, input.personId, 'person')
    const { items, item } = replaceById(journal.followUps, id, 'follow-up', (f) => ({
      ...f,
      ...input,
      updatedAt: now.toISOString()
    }))
    return { next: { ...journal, followUps: items }, result: item }
  })
}

/** Marks it done on `on` (default today), which decides whether it was kept on time or late. */
export function completeFollowUp(
  store: JournalStore,
  id: string,
  on: string | undefined,
  now: Date
): Promise<FollowUp> {
  const day = on ?? localDay(now)
  if (day > localDay(now))
    return Promise.reject(
      new RapportError('invalid-input', 'A follow-up cannot be done on a day that has not come yet.')
    )
  return setCompleted(store, id, day, now)
}

export function reopenFollowUp(store: JournalStore, id: string, now: Date): Promise<FollowUp> {
  return setCompleted(store, id, null, now)
}

export function deleteFollowUp(store: JournalStore, id: string): Promise<Taken> {
  return store.change((journal) => {
    const followUp = getById(journal.followUps, id, 'follow-up')
    const removed = takeOut(journal, 'followUps', (f) => f.id !== id)
    return {
      next: { ...journal, followUps: removed.kept },
      result: { label: `“${followUp.title}”`, followUps: removed.slots }
    }
  })
}

/** The person exists, and a conversation it is linked to exists and was with them. */
function requireLink(journal: Journal, input: FollowUpInput): void {
  const person = getById(journal.people, input.personId, 'person')
  if (!input.conversationId) return
  const conversation = getById(journal.conversations, input.conversationId, 'conversation')
  if (!conversation.personIds.includes(person.id))
    throw new RapportError(
      'invalid-input',
      `${shorten(person.name, 80)} was not in “${shorten(conversation.title, 80)}”, so the follow-up cannot be linked to it.`
    )
}

function setCompleted(store: JournalStore, id: string, completedOn: string | null, now: Date): Promise<FollowUp> {
  return store.change((journal) => {
    const { items, item } = replaceById(journal.followUps, id, 'follow-up', (f) => ({
      ...f,
      completedOn,
      updatedAt: now.toISOString()
    }))
    return { next: { ...journal, followUps: items }, result: item }
  })
}
