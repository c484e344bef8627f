/**
 * The Edit profile form's own copy of a person, as its inputs hold it (tags as one comma-separated line, the
 * cadence as typed), and the patch it asks the core for. What the form can tell by itself is refused here,
 * with the field it is about; everything else is the core's to judge.
 */
import type { Person, PersonPatch } from '../../../shared/schema/person.ts'

export type ProfileDraft = Omit<Person, 'tags'> & {
  tags: string
  /** bind:value on a number input gives a number (or null when cleared), not the string it started as. */
  cadence: string | number | null
}

/** A refusal and the profile field it is about ('' for none). */
export interface FieldError {
  message: string
  field: string
}

export function draftOf(person: Person): ProfileDraft {
  return {
    ...person,
    tags: person.tags.join(', '),
    cadence: person.cadenceDays === null ? '' : String(person.cadenceDays)
  }
}

export function patchOf(draft: ProfileDraft): { patch: PersonPatch } | { error: FieldError } {
  if (draft.name.trim() === '') return { error: { message: 'A person needs a name.', field: 'name' } }
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
