import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS, migrateJournal } from '../../src/core/journal/migrations.ts'
import { SCHEMA_VERSION } from '../../src/shared/schema/journal.ts'
import { storedJournal } from '../support/files.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'

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

  it('v5: opens a v2 journal with no calendar matches for anyone (nor what v3 and v4 added), the rest as it was', async () => {
    const dir = await makeTempDir()
    const person = {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      name: 'Marta Nowak',
      company: 'Hudson Freight',
      role: 'COO',
      howWeMet: '',
      email: 'marta.nowak@hudsonfreight.example',
      phone: '',
      location: '',
      timeZone: 'America/New_York',
      tags: ['champion'],
      drives: '',
      lifeOutsideWork: '',
      boundaries: '',
      relationshipStyle: { kind: 'not-asked', askedOn: '', theirWords: '' },
      cadenceDays: 30,
      archived: false,
      createdAt: '2025-01-10T09:00:00.000Z',
      updatedAt: '2025-01-10T09:00:00.000Z'
    }
    const conversation = {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      personIds: [person.id],
      date: '2025-02-03T15:00:00.000Z',
      channel: 'meeting',
      title: 'Kickoff',
      body: 'Went well.',
      createdAt: '2025-02-03T16:00:00.000Z',
      updatedAt: '2025-02-03T16:00:00.000Z'
    }
    const v2 = { schemaVersion: 2, me: { name: 'Sam' }, people: [person], conversations: [conversation] }
    await writeFile(
      join(dir, 'journal.json'),
      JSON.stringify({ ...v2, interests: [], challenges: [], values: [], followUps: [] })
    )
    const journal = await openTempJournal(dir)
    try {
      expect(await journal.handlers.listPeople({})).toEqual([
        { ...person, importantDates: [], otherEmails: [], otherPhones: [], calendarMatches: [] }
      ])
      await journal.session.close()
      const stored = await storedJournal(journal.file)
      expect(stored.schemaVersion).toBe(SCHEMA_VERSION)
      expect(stored.conversations).toEqual([conversation])
    } finally {
      await journal.dispose()
    }
  })
})
