/**
 * Compaction: the journal written as a new snapshot and the change log started afresh — past the log's
 * limits, after an idle spell, on closing — safe at every step, with the saved search index following.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../src/core/api/handlers.ts'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { readLog } from '../../src/core/journal/change-log.ts'
import type { CompactionPolicy } from '../../src/core/journal/compaction-policy.ts'
import { serializeJournal } from '../../src/core/journal/journal-file.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { serializeSnapshot } from '../../src/core/journal/snapshot-writer.ts'
import { SearchIndex } from '../../src/core/search/search-index.ts'
import { storedJournal } from '../support/files.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { makeTempDir } from '../support/temp-journal.ts'

const now = new Date(2026, 10, 23, 10)
let session: JournalSession | null = null
afterEach(async () => {
  await session?.close()
  session = null
})

async function open(
  dir: string,
  compaction: Partial<CompactionPolicy>
): Promise<{ session: JournalSession; api: Handlers; file: string }> {
  session = await JournalSession.open(dir, { owner: 'test', now: () => now, compaction })
  return { session, api: createHandlers(session, { now: () => now }), file: session.path }
}

const person = (name: string) => ({ person: { name, company: 'Acme', role: 'Buyer' } })

async function logRecords(file: string): Promise<number[]> {
  const reading = readLog(await readFile(`${file}.log`))
  if (!reading.ok) throw new Error(reading.problem)
  return reading.records.map((r) => r.seq)
}

function snapshotSeq(text: string): number {
  return (JSON.parse(text) as { logSeq: number }).logSeq
}

describe('compaction', () => {
  it('writes a new snapshot once the log reaches its record limit, and starts an empty log', async () => {
    const { session, api, file } = await open(await makeTempDir(), { maxRecords: 5, idleMs: Infinity })
    for (let i = 0; i < 5; i++) await api.createPerson(person(`P${i}`))
    await session.flush()
    const text = await readFile(file, 'utf8')
    expect(snapshotSeq(text)).toBe(5)
    expect(await logRecords(file)).toEqual([])
    // The snapshot is the journal, byte for byte as one write of it would be.
    expect(text).toBe(serializeSnapshot(session.store().journal, 5))
    await api.createPerson(person('P5'))
    expect(await logRecords(file)).toEqual([6])
  })

  it('writes a new snapshot on closing', async () => {
    const dir = await makeTempDir()
    const { session, api, file } = await open(dir, { idleMs: Infinity })
    await seedJournal(api, now)
    const live = serializeJournal(session.store().journal)
    const last = session.store().lastSeq
    await session.close()
    expect(snapshotSeq(await readFile(file, 'utf8'))).toBe(last)
    expect(await logRecords(file)).toEqual([])
    expect(serializeJournal(await storedJournal(file))).toBe(live)
  })

  it('after an idle spell, snapshots and saves the search index for the new position: a crash then costs no rebuild', async () => {
    const dir = await makeTempDir()
    const { session, api, file } = await open(dir, { idleMs: 0 })
    await seedJournal(api, now)
    // The last change's idle spell: whatever compactions ran before, one follows it and empties the log.
    const compacted = new Promise<void>((resolve) =>
      session.store().onCompacted(() => session.store().log.records === 0 && resolve())
    )
    await api.createPerson(person('Last one'))
    await compacted
    await session.flush()
    // The files as a crash (no close) would leave them.
    const crashed = await makeTempDir('rapport-crash-')
    for (const name of ['journal.json', 'journal.json.log', 'journal.json.search-index'])
      await copyFile(join(dir, name), join(crashed, name))
    const build = vi.spyOn(SearchIndex, 'build')
    const reopened = await JournalSession.open(crashed, { owner: 'test', now: () => now })
    expect(build).not.toHaveBeenCalled()
    build.mockRestore()
    expect(reopened.store().journal).toEqual(session.store().journal)
    expect(file).toBe(join(dir, 'journal.json'))
    await reopened.close()
  })

  it('loses nothing and replays nothing twice when a crash comes between the new snapshot and the fresh log', async () => {
    const dir = await makeTempDir()
    const { session, api, file } = await open(dir, { idleMs: Infinity })
    for (const name of ['Ana', 'Bo', 'Cy']) await api.createPerson(person(name))
    const logBefore = await readFile(`${file}.log`)
    // Two changes queued behind the compaction's point land in the old log, then are carried to the new one.
    const compaction = session.store().compact()
    await Promise.all([api.createPerson(person('Di')), api.createPerson(person('Ed'))])
    await compaction
    expect(await logRecords(file)).toEqual([4, 5])
    // The old log as it stood just before it was replaced: its own records, then the two.
    const crashed = await makeTempDir('rapport-crash-')
    await copyFile(file, join(crashed, 'journal.json'))
    await writeFile(join(crashed, 'journal.json.log'), Buffer.concat([logBefore, await readFile(`${file}.log`)]))
    const reopened = await JournalSession.open(crashed, { owner: 'test', now: () => now })
    expect(reopened.store().journal.people.map((p) => p.name)).toEqual(['Ana', 'Bo', 'Cy', 'Di', 'Ed'])
    expect(reopened.store().journal).toEqual(session.store().journal)
    // Opening finished the interrupted step (or, taking the day's first backup, wrote a newer snapshot): the
    // log holds only what the snapshot lacks, and goes on from there.
    await reopened.flush()
    const holds = snapshotSeq(await readFile(join(crashed, 'journal.json'), 'utf8'))
    expect(await logRecords(join(crashed, 'journal.json'))).toEqual([4, 5].filter((seq) => seq > holds))
    await reopened.store().change((j) => ({ next: { ...j, me: { name: 'Sam' } }, result: null }))
    expect((await logRecords(join(crashed, 'journal.json'))).at(-1)).toBe(6)
    await reopened.close()
  })
})

describe('the single-file journal of earlier versions', () => {
  it('is migrated on first open: its exact bytes backed up, then a snapshot and an empty log', async () => {
    const dir = await makeTempDir()
    const { serializeJournal: whole } = await import('../../src/core/journal/journal-file.ts')
    const { emptyJournal } = await import('../../src/shared/schema/journal.ts')
    const old = whole({ ...emptyJournal(), me: { name: 'Sam Rivera' } })
    await writeFile(join(dir, 'journal.json'), old)
    const { session, file } = await open(dir, {})
    expect(session.store().journal.me.name).toBe('Sam Rivera')
    expect(snapshotSeq(await readFile(file, 'utf8'))).toBe(0)
    expect(await logRecords(file)).toEqual([])
    const backups = await session.backups()
    const pre = backups.filter((b) => b.kind === 'pre-migration')
    expect(pre).toHaveLength(1)
    expect(await readFile(join(dir, 'backups', pre[0]!.name), 'utf8')).toBe(old)
  })
})
