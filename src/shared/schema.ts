/**
 * The journal's data schema: the one definition of what a valid journal file holds.
 * Main validates every load and every change against it; the renderer imports its types only.
 */
import * as v from 'valibot'

/** The schema version this build writes. Older files are migrated on load; newer ones are refused. */
export const SCHEMA_VERSION = 1

export const MAX_SHORT_TEXT = 200

/** An object that refuses keys it does not declare (including __proto__ and constructor). */
export const strict = <T extends v.ObjectEntries>(entries: T) => v.strictObject(entries)

/** One validation issue in words a person can act on, with where it is. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = v.getDotPath(issue)
  let text = issue.message
  if (issue.type === 'strict_object' && issue.expected === 'never') text = 'Rapport does not know this field'
  else if (issue.kind === 'schema' && issue.received === 'undefined') text = 'This field is missing'
  else if (issue.message.startsWith('Invalid type:')) text = `Expected ${issue.expected}, but got ${issue.received}`
  return where ? `${text.replace(/\.$/, '')} (${where}).` : text
}

export const IdSchema = v.pipe(
  v.string('An id must be text.'),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'That id is not one Rapport made.')
)

export const TimestampSchema = v.pipe(v.string(), v.isoTimestamp('Expected an ISO date and time.'))

const shortText = (label: string) =>
  v.pipe(
    v.string(`${label} must be text.`),
    v.trim(),
    v.maxLength(MAX_SHORT_TEXT, `${label} is too long (at most ${MAX_SHORT_TEXT} characters).`)
  )

/** What a user types for a person: the fields the add/edit form sends. */
export const PersonInputSchema = strict({
  name: v.pipe(shortText('Name'), v.nonEmpty('A person needs a name.')),
  company: shortText('Company'),
  role: shortText('Role')
})

export const PersonSchema = strict({
  id: IdSchema,
  name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_SHORT_TEXT)),
  company: v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT)),
  role: v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT)),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})

export const JournalSchema = v.pipe(
  v.strictObject({
    schemaVersion: v.literal(SCHEMA_VERSION),
    people: v.array(PersonSchema)
  }),
  v.check((journal) => new Set(journal.people.map((p) => p.id)).size === journal.people.length, 'Two people share one id.')
)

export type PersonInput = v.InferInput<typeof PersonInputSchema>
export type Person = v.InferOutput<typeof PersonSchema>
export type Journal = v.InferOutput<typeof JournalSchema>

/** Everything a delete removed, handed back so that Undo can put it back exactly. */
export const RemovedPersonSchema = strict({
  person: PersonSchema,
  index: v.pipe(v.number(), v.integer(), v.minValue(0))
})
export type RemovedPerson = v.InferOutput<typeof RemovedPersonSchema>

export function emptyJournal(): Journal {
  return { schemaVersion: SCHEMA_VERSION, people: [] }
}
