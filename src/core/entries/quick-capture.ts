/** Quick capture: a one-line note on a person, and maybe a follow-up typed as a phrase, saved as one conversation. */
import type { Channel } from '../../shared/schema/conversation.ts'
import type { Direction } from '../../shared/schema/follow-up.ts'
import { readDuePhrase } from '../due-phrase.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { logConversation } from './conversations.ts'
import type { Logged } from './conversations.ts'

export interface Capture {
  personId: string
  note: string
  channel: Channel
  /** "send deck fri"; empty for none. */
  followUp: string
  direction: Direction
}

export function quickCapture(store: JournalStore, capture: Capture, now: Date): Promise<Logged> {
  const { personId, note, channel, followUp, direction } = capture
  const drafts = followUp.trim() ? [{ personId, direction, ...readDuePhrase(followUp, now) }] : []
  const conversation = { personIds: [personId], date: now.toISOString(), channel, title: '', body: note }
  return logConversation(store, conversation, drafts, now)
}
