import { copyFile, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../src/shared/schema/journal.ts'
import { sha256 } from '../support/files.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const fixture = join(import.meta.dirname, '..', 'fixtures', 'journal-v1.json')
let journal: TempJournal | null = null
afterEach(async () => {
  await journal?.dispose()
  journal = null
})

it('upgrades a foundation (v1) journal to the current version, keeping every person and backing up the original bytes first', async () => {
  const fixtureHash = await sha256(fixture)
  const dir = await makeTempDir()
  await copyFile(fixture, join(dir, 'journal.json'))
  journal = await openTempJournal(dir)

  const people = await journal.handlers.listPeople({})
  expect(people.map((p) => [p.name, p.company, p.role, p.createdAt])).toEqual([
    ['Ana García', 'Acme Logistics', 'CFO', '2026-09-14T08:30:00.000Z'],
    ['Kenji Watanabe', '', 'Head of Procurement', '2026-10-20T12:00:00.000Z']
  ])
  expect(people[0]).toMatchObject({
    tags: [],
    cadenceDays: null,
    archived: false,
    otherEmails: [],
    otherPhones: [],
    relationshipStyle: { kind: 'not-asked', askedOn: '', theirWords: '' },
    importantDates: [],
    calendarMatches: []
  })
  const onDisk = JSON.parse(await readFile(journal.file, 'utf8'))
  expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION)
  expect(onDisk.conversations).toEqual([])

  const backups = await readdir(join(dir, 'backups'))
  const preMigration = backups.filter((name) => name.startsWith('pre-migration-'))
  expect(preMigration).toHaveLength(1)
  expect(await sha256(join(dir, 'backups', preMigration[0]!))).toBe(fixtureHash)
  // The fixture itself is never touched by the test.
  expect(await sha256(fixture)).toBe(fixtureHash)
})
