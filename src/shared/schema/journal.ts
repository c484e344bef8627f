/**
 * The journal's data schema: the one definition of what a valid journal file holds.
 * Main validates every load and every change against it; the renderer imports its types only.
 */
import * as v from 'valibot'
import { ChallengeSchema, ValueSchema } from './challenge.ts'
import { strict, text } from './common.ts'
import { ConversationSchema } from './conversation.ts'
import { FollowUpSchema } from './follow-up.ts'
import { integrityProblem } from './integrity.ts'
import { InterestSchema } from './interest.ts'
import { PersonSchema } from './person.ts'

/** The schema version this build writes. Older files are migrated on load; newer ones are refused. */
export const SCHEMA_VERSION = 5

/** The user's own profile; their interests are the ones owned by "me". */
export const MeSchema = strict({ name: text('Your name', 200) })
export type Me = v.InferOutput<typeof MeSchema>

/** The schema of one item of each list, for checking just the items a change touched. */
export const ITEM_SCHEMAS = {
  people: PersonSchema,
  conversations: ConversationSchema,
  interests: InterestSchema,
  challenges: ChallengeSchema,
  values: ValueSchema,
  followUps: FollowUpSchema
} as const

export const JournalSchema = v.pipe(
  strict({
    schemaVersion: v.literal(SCHEMA_VERSION),
    me: MeSchema,
    people: v.array(PersonSchema),
    conversations: v.array(ConversationSchema),
    interests: v.array(InterestSchema),
    challenges: v.array(ChallengeSchema),
    values: v.array(ValueSchema),
    followUps: v.array(FollowUpSchema)
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const problem = integrityProblem(dataset.value)
    if (problem) addIssue({ message: problem })
  })
)

export type Journal = v.InferOutput<typeof JournalSchema>
export type Collection = Exclude<keyof Journal, 'schemaVersion' | 'me'>
export const COLLECTIONS: readonly Collection[] = [
  'people',
  'conversations',
  'interests',
  'challenges',
  'values',
  'followUps'
]

export function emptyJournal(): Journal {
  return {
    schemaVersion: SCHEMA_VERSION,
    me: { name: '' },
    people: [],
    conversations: [],
    interests: [],
    challenges: [],
    values: [],
    followUps: []
  }
}
