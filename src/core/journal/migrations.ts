/**
 * Schema migrations: one step per version, each taking a journal of version N to version N+1.
 * Steps work on plain JSON and never on typed data, because the types only describe the newest version.
 */
import { SCHEMA_VERSION } from '../../shared/schema/journal.ts'

export type JsonObject = Record<string, unknown>
export type MigrationStep = (journal: JsonObject) => JsonObject

/** MIGRATIONS[n] takes a journal from version n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {
  /**
   * v2: the full journal. People gain their profile fields; the user gets a "Me" profile; new lists start
   * empty. The defaults are written out here, not taken from defaultProfile(): a migration must keep doing
   * what it did when it shipped, whatever later versions change.
   */
  1: (journal) => ({
    ...journal,
    me: { name: '' },
    people: (Array.isArray(journal.people) ? journal.people : []).map((person: JsonObject) => ({
      ...person,
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
    })),
    conversations: [],
    interests: [],
    challenges: [],
    values: [],
    followUps: []
  }),
  /** v3: people gain important dates (birthdays, anniversaries, renewals), none to start with. */
  2: (journal) => ({
    ...journal,
    people: (Array.isArray(journal.people) ? journal.people : []).map((person: JsonObject) => ({
      ...person,
      importantDates: []
    }))
  }),
  /** v4: people keep every email and phone a contact file gave them, beyond the first of each. */
  3: (journal) => ({
    ...journal,
    people: (Array.isArray(journal.people) ? journal.people : []).map((person: JsonObject) => ({
      ...person,
      otherEmails: [],
      otherPhones: []
    }))
  }),
  /** v5: people gain the calendar attendees the user matched to them (none yet). */
  4: (journal) => ({
    ...journal,
    people: (Array.isArray(journal.people) ? journal.people : []).map((person: JsonObject) => ({
      ...person,
      calendarMatches: []
    }))
  })
}

export function migrateJournal(
  journal: JsonObject,
  from: number,
  steps: Readonly<Record<number, MigrationStep>> = MIGRATIONS,
  to: number = SCHEMA_VERSION
): JsonObject {
  let current = journal
  for (let version = from; version < to; version++) {
    const step = steps[version]
    if (!step) throw new Error(`migrations: no step from schema version ${version} to ${version + 1}`)
    current = { ...step(current), schemaVersion: version + 1 }
  }
  return current
}
