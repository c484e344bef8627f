import { open, readdir, rm, stat } from 'node:fs/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SCHEMA_VERSION } from '../../src/shared/schema/journal.ts'
import { readJson, storedJournal, storedText } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal | null = null
afterEach(async () => {
  await journal?.dispose()
  journal = null
})

const person = (name: string) => ({ person: { name, company: 'Acme', role: 'Buyer' } })

describe('the journal store', () => {
  it('creates an empty journal, readable and private, on first open', async () => {
    journal = await openTempJournal()
    expect(await readJson(journal.file)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      logSeq: 0,
      me: { name: '' },
      people: [],
      conversations: [],
      interests: [],
      challenges: [],
      values: [],
      followUps: []
    })
    expect((await stat(journal.file)).mode & 0o777).toBe(0o600)
  })

  it('resolves each change only once it is in the journal’s files', async () => {
    journal = await openTempJournal()
    const created = await journal.handlers.createPerson(person('Ana García'))
    const onDisk = await storedJournal(journal.file)
    expect(onDisk.people).toEqual([created])
  })

  it('keeps every one of 1,000 concurrent adds, in order, with the last write winning on disk', async () => {
    journal = await openTempJournal()
    const names = Array.from({ length: 1000 }, (_, i) => `Person ${i}`)
    const created = await Promise.all(names.map((name) => journal!.handlers.createPerson(person(name))))
    const onDisk = await storedJournal(journal.file)
    expect(onDisk.people.map((p) => p.name)).toEqual(names)
    expect(onDisk.people).toEqual(created)
    // No temp file is left behind by any of them (nor by the snapshot the 1,000th record set off).
    await journal.session.flush()
    expect((await readdir(journal.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  }, 90_000)

  it('writes the same bytes for the same journal after a reopen, so backups and undo compare exactly', async () => {
    journal = await openTempJournal(undefined, () => new Date('2026-11-23T10:00:00Z'))
    const { seedJournal } = await import('../support/seed-journal.ts')
    await seedJournal(journal.handlers, new Date('2026-11-23T10:00:00Z'))
    const written = await storedText(journal.file)
    await journal.session.close()
    const { JournalSession } = await import('../../src/core/journal/journal-session.ts')
    const again = await JournalSession.open(journal.dir, { owner: 'test' })
    const { serializeJournal } = await import('../../src/core/journal/journal-file.ts')
    expect(serializeJournal(again.store().journal)).toBe(written)
    await again.close()
    journal = { ...journal, dispose: () => rm(journal!.dir, { recursive: true, force: true }) }
  })

  it('trims names and keeps what the user typed otherwise', async () => {
    journal = await openTempJournal()
    const created = await journal.bridge.createPerson({
      person: { name: '  Zoë  O’Brien ', company: ' Ünïcode GmbH', role: '' }
    })
    expect(created.ok && created.value).toMatchObject({ name: 'Zoë  O’Brien', company: 'Ünïcode GmbH', role: '' })
  })

  it('reports save-failed, keeps the file and memory as they were, when the disk refuses a write', async () => {
    journal = await openTempJournal()
    await journal.handlers.createPerson(person('Kept'))
    const before = await storedText(journal.file)
    // A disk that takes the bytes but fails to make them durable, once (a full or failing disk).
    const probe = await open(journal.file, 'r')
    const handles = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> }
    await probe.close()
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    const spy = vi.spyOn(handles, 'datasync').mockRejectedValueOnce(full)
    const result = await journal.bridge.createPerson(person('Lost'))
    expect(result).toMatchObject({ ok: false, error: { code: 'save-failed' } })
    if (!result.ok)
      expect(result.error.message).toMatch(/could not save the journal to .*journal\.json.*Nothing was changed/)
    expect(journal.session.store().journal.people.map((p) => p.name)).toEqual(['Kept'])
    spy.mockRestore()
    expect(await storedText(journal.file)).toBe(before)
    expect((await readdir(journal.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    // The next change works again and includes nothing of the failed one.
    await journal.handlers.createPerson(person('Next'))
    expect((await storedJournal(journal.file)).people.map((p) => p.name)).toEqual(['Kept', 'Next'])
  })

  it('restores a deleted person exactly, at the same place', async () => {
    journal = await openTempJournal()
    const names = ['Ana', 'Bo', 'Cy']
    for (const name of names) await journal.handlers.createPerson(person(name))
    const before = await storedText(journal.file)
    const removed = await journal.handlers.deletePerson({ id: journal.session.store().journal.people[1]!.id })
    expect(removed.label).toBe('Bo')
    expect(await journal.handlers.listPeople({})).toHaveLength(2)
    await journal.handlers.undoDelete({ removed })
    expect(await storedText(journal.file)).toBe(before)
  })

  it('lists people sorted by name, ignoring case and accents', async () => {
    journal = await openTempJournal()
    for (const name of ['émile', 'Zed', 'anna', 'Ólafur', 'Bea']) await journal.handlers.createPerson(person(name))
    expect((await journal.handlers.listPeople({})).map((p) => p.name)).toEqual([
      'anna',
      'Bea',
      'émile',
      'Ólafur',
      'Zed'
    ])
  })

  it('edits a person and keeps their id and creation time', async () => {
    let clock = new Date('2026-11-01T10:00:00.000Z')
    journal = await openTempJournal(undefined, () => clock)
    const created = await journal.handlers.createPerson(person('Ana'))
    clock = new Date('2026-11-02T10:00:00.000Z')
    const edited = await journal.handlers.updatePerson({
      id: created.id,
      patch: { name: 'Ana Garcia', company: 'Globex', role: 'CTO' }
    })
    expect(edited).toEqual({
      ...created,
      name: 'Ana Garcia',
      company: 'Globex',
      role: 'CTO',
      updatedAt: '2026-11-02T10:00:00.000Z'
    })
  })
})
