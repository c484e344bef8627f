/**
 * What a delete took away, handed to the renderer so Undo can put it back exactly: each removed item with
 * its position, and the previous version of each item the delete changed (a shared conversation that lost
 * one of its people, a follow-up unlinked from a deleted conversation).
 */
import * as v from 'valibot'
import { ChallengeSchema, ValueSchema } from './challenge.ts'
import { IdSchema, strict } from './common.ts'
import { ConversationSchema } from './conversation.ts'
import { FollowUpSchema } from './follow-up.ts'
import { InterestSchema } from './interest.ts'
import { PersonSchema } from './person.ts'

const Position = v.pipe(v.number(), v.integer(), v.minValue(0))
const slot = <T extends v.GenericSchema>(item: T) => strict({ item, index: Position })
const list = <T extends v.GenericSchema>(item: T) => v.optional(v.pipe(v.array(slot(item)), v.maxLength(100_000)))

export const RemovedSchema = strict({
  /** What the toast says was deleted, e.g. "Ana García". */
  label: v.pipe(v.string(), v.maxLength(300)),
  /** The delete's ticket: Undo is accepted only for what a delete handed out, once (core/api/undo-tickets.ts). */
  ticket: IdSchema,
  people: list(PersonSchema),
  conversations: list(ConversationSchema),
  interests: list(InterestSchema),
  challenges: list(ChallengeSchema),
  values: list(ValueSchema),
  followUps: list(FollowUpSchema)
})
export type Removed = v.InferOutput<typeof RemovedSchema>
/** What a delete took out, before the handlers give it its ticket. */
export type Taken = Omit<Removed, 'ticket'>
