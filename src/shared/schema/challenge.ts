/** Challenges a person is trying to solve, and the value the user brought them. */
import * as v from 'valibot'
import { CHALLENGE_STATUSES, VALUE_KINDS } from '../choices.ts'
export type { ChallengeStatus, ValueKind } from '../choices.ts'
import { DaySchema, IdSchema, strict, text, TimestampSchema } from './common.ts'

export const challengeEntries = {
  personId: IdSchema,
  title: text('Challenge', 200, true),
  detail: text('Detail', 5000),
  status: v.picklist(CHALLENGE_STATUSES, 'Status is open, helped or solved.'),
  openedOn: DaySchema
}

export const ChallengeInputSchema = strict(challengeEntries)
export type ChallengeInput = v.InferInput<typeof ChallengeInputSchema>

export const ChallengeSchema = strict({
  id: IdSchema,
  ...challengeEntries,
  /** The day the status last left "open"; empty while open. */
  closedOn: v.union([v.literal(''), DaySchema]),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})
export type Challenge = v.InferOutput<typeof ChallengeSchema>

export const valueEntries = {
  personId: IdSchema,
  challengeId: v.nullable(IdSchema),
  kind: v.picklist(VALUE_KINDS, 'Pick idea, introduction, article or other.'),
  title: text('What you brought', 200, true),
  note: text('Note', 2000),
  date: DaySchema
}

export const ValueInputSchema = strict(valueEntries)
export type ValueInput = v.InferInput<typeof ValueInputSchema>

/** "Value I brought": an idea, an introduction, an article… */
export const ValueSchema = strict({ id: IdSchema, ...valueEntries, createdAt: TimestampSchema })
export type Value = v.InferOutput<typeof ValueSchema>
