/** A conversation journal entry: one exchange, possibly with several people. */
import * as v from 'valibot'
import { CHANNELS } from '../choices.ts'
export type { Channel } from '../choices.ts'
import { IdSchema, longText, strict, text, TimestampSchema } from './common.ts'

/** Bodies are Markdown; 100,000 characters is some forty pages, far beyond any note of a conversation. */
export const MAX_BODY = 100_000

export const conversationEntries = {
  personIds: v.pipe(
    v.array(IdSchema),
    v.minLength(1, 'A conversation needs at least one person.'),
    v.maxLength(50, 'At most 50 people in one conversation.')
  ),
  date: TimestampSchema,
  channel: v.picklist(CHANNELS, 'Pick a channel: call, meeting, email, message, event, chance encounter or other.'),
  title: text('Title', 200, true),
  body: longText('The note', MAX_BODY),
  /**
   * The calendar meeting this conversation logs (its event's UID, and for one occurrence of a repeating
   * event, when it was due), so Today can show the meeting as done. Absent for conversations logged by hand.
   */
  meeting: v.optional(text('The meeting', 600))
}

/** Typed in: the title may be left out, and the first line of the notes stands in for it (core/entries). */
export const ConversationInputSchema = strict({ ...conversationEntries, title: text('Title', 200) })
export type ConversationInput = v.InferInput<typeof ConversationInputSchema>

export const ConversationSchema = strict({
  id: IdSchema,
  ...conversationEntries,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})
export type Conversation = v.InferOutput<typeof ConversationSchema>
