import { describe, expect, it } from 'vitest'
import { MIGRATIONS, migrateJournal } from '../../src/core/journal/migrations.ts'
import { SCHEMA_VERSION } from '../../src/shared/schema/journal.ts'

describe('schema migrations', () => {
  it('has one step for every version below the current one', () => {
    for (let version = 1; version < SCHEMA_VERSION; version++) expect(MIGRATIONS[version]).toBeTypeOf('function')
  })

  it('applies steps in order and stamps each new version', () => {
    const steps = {
      1: (j: Record<string, unknown>) => ({ ...j, notes: [] }),
      2: (j: Record<string, unknown>) => ({ ...j, renamed: j.notes, notes: undefined })
    }
    expect(migrateJournal({ schemaVersion: 1, people: [] }, 1, steps, 3)).toEqual({
      schemaVersion: 3,
      people: [],
      renamed: [],
      notes: undefined
    })
  })

  it('refuses to skip a version it has no step for', () => {
    expect(() => migrateJournal({ schemaVersion: 1 }, 1, {}, 2)).toThrow(/no step from schema version 1 to 2/)
  })

  it('v4 gives every person empty lists of other emails and phones, and touches nothing else', () => {
    const v3 = {
      schemaVersion: 3,
      me: { name: '' },
      people: [{ id: 'p1', name: 'Ana', email: 'ana@acme.example', importantDates: [] }],
      conversations: []
    }
    expect(migrateJournal(v3, 3, MIGRATIONS, 4)).toEqual({
      ...v3,
      schemaVersion: 4,
      people: [
        { id: 'p1', name: 'Ana', email: 'ana@acme.example', importantDates: [], otherEmails: [], otherPhones: [] }
      ]
    })
  })
})
