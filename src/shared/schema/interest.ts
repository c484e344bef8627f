/** Interests: what a person (or the user, "me") cares about outside work. */
import * as v from 'valibot'
import { INTEREST_CATEGORIES } from '../choices.ts'
export type { InterestCategory } from '../choices.ts'
import { IdSchema, strict, text, TimestampSchema } from './common.ts'
import { foldKey } from '../fold-key.ts'

/** The owner is a person's id, or "me" for the user's own interests. */
export const OwnerSchema = v.union([v.literal('me'), IdSchema], 'An interest belongs to a person or to you.')

export const interestEntries = {
  ownerId: OwnerSchema,
  label: text('Interest', 100, true),
  category: v.picklist(INTEREST_CATEGORIES, 'Pick a category: sport, food, hobby, family, place, media or other.'),
  note: text('Note', 1000)
}

export const InterestInputSchema = strict(interestEntries)
export type InterestInput = v.InferInput<typeof InterestInputSchema>

export const InterestSchema = strict({ id: IdSchema, ...interestEntries, createdAt: TimestampSchema })
export type Interest = v.InferOutput<typeof InterestSchema>

/** Interests match across people by label, folded as names are ("Real Madrid" = "real  madrid", "Café" = "cafe"). */
export function interestKey(label: string): string {
  return foldKey(label)
}
