/** A read-only session: what the CLI's search, brief, doctor and export open, even while the app holds the journal. */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, createHandlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal

beforeEach(async () => {
  journal = await openTempJournal()
  await seedJournal(journal.handlers, new Date())
})
afterEach(() => journal.dispose())

describe('a read-only session', () => {
  it('reads a journal another session holds, takes no lock and writes nothing, not even the search index', async () => {
    const before = await readdir(journal.dir, { recursive: true })
    const bytes = await readFile(journal.file)
    const reader = await JournalSession.open(journal.dir, { owner: 'cli', readOnly: true })
    const handlers = createHandlers(reader)
    expect((await call(handlers, 'search', { query: { text: 'Ana' } })).groups.length).toBeGreaterThan(0)
    await expect(call(handlers, 'createPerson', { person: { name: 'Nobody' } })).rejects.toMatchObject({
      code: 'forbidden'
    })
    await expect(call(handlers, 'restoreBackup', { name: 'daily-2026-01-01.json' })).rejects.toMatchObject({
      code: 'forbidden'
    })
    await reader.close()
    expect(await readdir(journal.dir, { recursive: true })).toEqual(before)
    expect(await readFile(journal.file)).toEqual(bytes)
  })

  it('reads a folder with no journal as an empty one, and creates nothing', async () => {
    const empty = join(await makeTempDir(), 'not-yet')
    const reader = await JournalSession.open(empty, { owner: 'cli', readOnly: true })
    expect(await reader.status()).toMatchObject({ state: 'ready', people: 0 })
    await reader.close()
    await expect(readdir(empty)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
