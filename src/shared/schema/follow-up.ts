/** Follow-ups and commitments, both ways: what I owe them and what they owe me. */
import * as v from 'valibot'
import { DIRECTIONS } from '../choices.ts'
export type { Direction } from '../choices.ts'
import { DaySchema, IdSchema, strict, text, TimestampSchema } from './common.ts'

export const followUpEntries = {
  personId: IdSchema,
  title: text('Follow-up', 200, true),
  dueDate: DaySchema,
  direction: v.picklist(DIRECTIONS, 'Say who owes it: I owe them, or they owe me.'),
  conversationId: v.nullable(IdSchema)
}

export const FollowUpInputSchema = strict(followUpEntries)
export type FollowUpInput = v.InferInput<typeof FollowUpInputSchema>

export const FollowUpSchema = strict({
  id: IdSchema,
  ...followUpEntries,
  /** The day it was done; null while open. */
  completedOn: v.nullable(DaySchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})
export type FollowUp = v.InferOutput<typeof FollowUpSchema>
