/** A person in the journal: who they are, how to reach them, and what matters to them. */
import * as v from 'valibot'
import { RELATIONSHIP_STYLES } from '../choices.ts'
export type { RelationshipStyleKind } from '../choices.ts'
import { DaySchema, IdSchema, strict, text, TimestampSchema, wellFormed } from './common.ts'
import { ImportantDatesSchema } from './important-date.ts'

/** What they said when asked whether they want a close working relationship or a quick exchange. */
export const RelationshipStyleSchema = strict({
  kind: v.picklist(RELATIONSHIP_STYLES, 'Pick relationship, transactional or not asked yet.'),
  askedOn: v.union([v.literal(''), DaySchema], 'The day you asked must be a date (YYYY-MM-DD).'),
  theirWords: text('Their words', 1000)
})

const EmailSchema = v.union(
  [v.literal(''), v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('That email address does not look right.'))],
  'That email address does not look right.'
)

const TimeZoneSchema = v.pipe(
  v.string('A time zone must be text.'),
  v.trim(),
  v.check((zone) => zone === '' || isTimeZone(zone), 'Use a time zone like Europe/Madrid or America/New_York.')
)

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone.length <= 64
  } catch {
    return false
  }
}

/**
 * More addresses and numbers than the one of each a person shows first (contact files often hold several).
 * An address kept here is kept as written: an import never drops one that does not look like an email.
 */
const OtherEmailsSchema = v.pipe(
  v.array(text('Other email', 254), 'Other emails must be a list.'),
  v.maxLength(50, 'At most 50 other emails.')
)
const OtherPhonesSchema = v.pipe(
  v.array(text('Other phone', 50), 'Other phones must be a list.'),
  v.maxLength(50, 'At most 50 other phones.')
)

const TagSchema = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('A tag cannot be empty.'),
  v.maxLength(40, 'A tag is at most 40 characters.'),
  wellFormed('A tag')
)

/**
 * What the user said about someone in their calendar files: this attendee (a lower-case email address, or
 * "name:" and the folded name when the calendar gives no address) is, or is not, this person.
 */
export const CalendarMatchSchema = strict({
  attendee: v.pipe(
    v.string('A calendar attendee must be text.'),
    v.trim(),
    v.nonEmpty('A calendar attendee cannot be empty.'),
    v.maxLength(320, 'A calendar attendee is at most 320 characters.')
  ),
  is: v.boolean()
})
export type CalendarMatch = v.InferOutput<typeof CalendarMatchSchema>

/** Everything the user edits about a person. */
export const personProfileEntries = {
  name: text('Name', 200, true),
  company: text('Company', 200),
  role: text('Role', 200),
  howWeMet: text('How we met', 2000),
  email: EmailSchema,
  phone: text('Phone', 50),
  otherEmails: OtherEmailsSchema,
  otherPhones: OtherPhonesSchema,
  location: text('Location', 200),
  timeZone: TimeZoneSchema,
  tags: v.pipe(v.array(TagSchema, 'Tags must be a list.'), v.maxLength(30, 'At most 30 tags.')),
  drives: text('What drives them', 5000),
  lifeOutsideWork: text('Life outside work', 5000),
  boundaries: text('Boundaries', 2000),
  relationshipStyle: RelationshipStyleSchema,
  /** Birthdays, anniversaries, renewals: shown on Today and in the brief as they come up. */
  importantDates: ImportantDatesSchema,
  cadenceDays: v.nullable(
    v.pipe(
      v.number('Keep-in-touch must be a number of days.'),
      v.integer('Keep-in-touch must be whole days.'),
      v.minValue(1, 'Keep in touch at least every day.'),
      v.maxValue(365, 'Keep in touch at least once a year (365 days).')
    )
  ),
  archived: v.boolean(),
  /** Calendar attendees the user said are (or are not) this person; the events themselves are never stored. */
  calendarMatches: v.pipe(
    v.array(CalendarMatchSchema, 'Calendar matches must be a list.'),
    v.maxLength(200, 'At most 200 calendar matches for one person.')
  )
}

export const PersonProfileSchema = strict(personProfileEntries)
export type PersonProfile = v.InferOutput<typeof PersonProfileSchema>

/** A new person needs only a name; every other field has a default. */
export const NewPersonSchema = v.strictObject({
  ...v.partial(PersonProfileSchema).entries,
  name: personProfileEntries.name
})
export type NewPerson = v.InferInput<typeof NewPersonSchema>

/** A change to some of a person's fields; the ones left out stay as they are. */
export const PersonPatchSchema = v.partial(PersonProfileSchema)
export type PersonPatch = v.InferInput<typeof PersonPatchSchema>

export const PersonSchema = strict({
  id: IdSchema,
  ...personProfileEntries,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})
export type Person = v.InferOutput<typeof PersonSchema>

/** Every profile field, in the schema's order, so a saved person's keys always come out the same way. */
export function defaultProfile(): PersonProfile {
  return {
    name: '',
    company: '',
    role: '',
    howWeMet: '',
    email: '',
    phone: '',
    otherEmails: [],
    otherPhones: [],
    location: '',
    timeZone: '',
    tags: [],
    drives: '',
    lifeOutsideWork: '',
    boundaries: '',
    relationshipStyle: { kind: 'not-asked', askedOn: '', theirWords: '' },
    importantDates: [],
    cadenceDays: null,
    archived: false,
    calendarMatches: []
  }
}
