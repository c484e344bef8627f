/**
 * The profile form's own copy of a person (a new one starts blank), as its inputs hold it (tags as one comma-separated line, the
 * cadence as typed), and the patch it asks the core for. What the form can tell by itself is refused here,
 * with the field it is about; everything else is the core's to judge.
 */
import type { PersonProfile } from '../../../shared/schema/person.ts'

/** The longest name the journal keeps (the schema's limit), counted as the user types. */
export const MAX_NAME = 200

/** What the profile form edits: every field but the important dates, which have their own section. */
// Other emails and phones come from contact files and are shown, not edited here; calendar matches are made
// on Today's meetings. The patch leaves them all as they are.
export type ProfileFields = Omit<PersonProfile, 'importantDates' | 'otherEmails' | 'otherPhones' | 'calendarMatches'>

export type ProfileDraft = Omit<ProfileFields, 'tags' | 'cadenceDays'> & {
  tags: string
  /** bind:value on a number input gives a number (or null when cleared), not the string it started as. */
  cadence: string | number | null
}

/** A refusal and the profile field it is about ('' for none). */
export interface FieldError {
  message: string
  field: string
}

// defaultProfile() (shared/schema/person.ts) says the same, but importing it would ship valibot to the renderer.
const BLANK: ProfileFields = {
  name: '',
  company: '',
  role: '',
  howWeMet: '',
  email: '',
  phone: '',
  location: '',
  timeZone: '',
  tags: [],
  drives: '',
  lifeOutsideWork: '',
  boundaries: '',
  relationshipStyle: { kind: 'not-asked', askedOn: '', theirWords: '' },
  cadenceDays: null,
  archived: false
}

/** The form's copy of a person's profile, or of a blank one for a new person. */
export function draftOf(person: ProfileFields = BLANK): ProfileDraft {
  return {
    ...person,
    relationshipStyle: { ...person.relationshipStyle },
    tags: person.tags.join(', '),
    cadence: person.cadenceDays === null ? '' : String(person.cadenceDays)
  }
}

export function patchOf(draft: ProfileDraft): { patch: ProfileFields } | { error: FieldError } {
  if (draft.name.trim() === '') return { error: { message: 'A person needs a name.', field: 'name' } }
  if (draft.name.trim().length > MAX_NAME) {
    const message = `A name is at most ${MAX_NAME} characters; this one has ${draft.name.trim().length}.`
    return { error: { message, field: 'name' } }
  }
  const cadenceText = String(draft.cadence ?? '').trim()
  const cadence = cadenceText === '' ? null : Number(cadenceText)
  if (cadence !== null && !Number.isInteger(cadence)) {
    return { error: { message: 'Keep in touch takes a whole number of days, or nothing.', field: 'cadenceDays' } }
  }
  const tags = draft.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  return {
    patch: {
      name: draft.name,
      company: draft.company,
      role: draft.role,
      howWeMet: draft.howWeMet,
      email: draft.email.trim(),
      phone: draft.phone,
      location: draft.location,
      timeZone: draft.timeZone,
      tags: [...new Set(tags)],
      drives: draft.drives,
      lifeOutsideWork: draft.lifeOutsideWork,
      boundaries: draft.boundaries,
      relationshipStyle: { ...draft.relationshipStyle },
      cadenceDays: cadence,
      archived: draft.archived
    }
  }
}
