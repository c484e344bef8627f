/** The conversations journal: logging, editing and deleting entries, with follow-ups born from them. */
import { randomUUID } from 'node:crypto'
import type { Conversation, ConversationInput } from '../../shared/schema/conversation.ts'
import type { FollowUp } from '../../shared/schema/follow-up.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Taken } from '../../shared/schema/removed.ts'
import { getById, indexById, replaceById } from './collections.ts'
import { titleOrFirstLine } from './entry-title.ts'
import { newFollowUp } from './follow-ups.ts'
import type { FollowUpDraft } from './follow-ups.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { alter, takeOut } from './removal.ts'
import { RapportError } from '../rapport-error.ts'
import { shorten } from '../../shared/schema/common.ts'

export interface Logged {
  conversation: Conversation
  followUps: FollowUp[]
}

/** Logs a conversation and, in the same saved change, the follow-ups agreed in it. */
export function logConversation(
  store: JournalStore,
  input: ConversationInput,
  followUps: FollowUpDraft[],
  now: Date
): Promise<Logged> {
  const stamp = now.toISOString()
  return store.change((journal) => {
    requirePeople(journal, input.personIds)
    for (const draft of followUps) {
      if (input.personIds.includes(draft.personId)) continue
      const who = getById(journal.people, draft.personId, 'person')
      throw new RapportError(
        'invalid-input',
        `${shorten(who.name, 80)} was not in this conversation, so a follow-up from it cannot be theirs. Add them to the conversation first.`
      )
    }
    const conversation: Conversation = {
      id: randomUUID(),
      ...input,
      title: titleOrFirstLine(input.title, input.body),
      personIds: unique(input.personIds),
      createdAt: stamp,
      updatedAt: stamp
    }
    const created = followUps.map((draft) => newFollowUp({ ...draft, conversationId: conversation.id }, now))
    return {
      next: {
        ...journal,
        conversations: [...journal.conversations, conversation],
        followUps: [...journal.followUps, ...created]
      },
      result: { conversation, followUps: created }
    }
  })
}

export function updateConversation(
  store: JournalStore,
  id: string,
  input: ConversationInput,
  now: Date
): Promise<Conversation> {
  return store.change((journal) => {
    requirePeople(journal, input.personIds)
    const { items, item } = replaceById(journal.conversations, id, 'conversation', (c) => ({
      ...c,
      ...input,
      title: titleOrFirstLine(input.title, input.body),
      personIds: unique(input.personIds),
      updatedAt: now.toISOString()
    }))
    return { next: { ...journal, conversations: items }, result: item }
  })
}

/** Deletes an entry; follow-ups that came from it stay, unlinked, and Undo links them again. */
export function deleteConversation(store: JournalStore, id: string): Promise<Taken> {
  return store.change((journal) => {
    const conversation = getById(journal.conversations, id, 'conversation')
    const removed = takeOut(journal, 'conversations', (c) => c.id !== id)
    const unlinked = alter(journal, 'followUps', (f) => (f.conversationId === id ? { ...f, conversationId: null } : f))
    return {
      next: { ...journal, conversations: removed.kept, followUps: unlinked.next },
      result: { label: `“${conversation.title}”`, conversations: removed.slots, followUps: unlinked.slots }
    }
  })
}

/** A person's conversations, newest first. */
export function conversationsOf(journal: Journal, personId: string): Conversation[] {
  return journal.conversations.filter((c) => c.personIds.includes(personId)).sort(newestFirst)
}

export function newestFirst(a: Conversation, b: Conversation): number {
  return b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)
}

function requirePeople(journal: Journal, ids: readonly string[]): void {
  for (const id of ids) indexById(journal.people, id, 'person')
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}
