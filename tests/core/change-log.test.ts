/**
 * The change log under the journal: each change is one appended record, replayed on the snapshot when the
 * journal opens. A torn last record is a crash mid-append and is dropped; anything else wrong is damage,
 * which opens the recovery screen with both files kept byte for byte.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { encodeRecord, readLog } from '../../src/core/journal/change-log.ts'
import type { ChangeOp } from '../../src/core/journal/change-diff.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { serializeJournal } from '../../src/core/journal/journal-file.ts'
import { storedFilesHash, storedJournal } from '../support/files.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal | null = null
afterEach(async () => {
  await journal?.dispose()
  journal = null
})

const person = (name: string) => ({ person: { name, company: 'Acme', role: 'Buyer' } })

/** A copy of the journal's two files in a fresh folder, as a crash at this moment would leave them. */
async function crashCopy(from: TempJournal): Promise<string> {
  const dir = await makeTempDir('rapport-crash-')
  await copyFile(from.file, join(dir, 'journal.json'))
  await copyFile(`${from.file}.log`, join(dir, 'journal.json.log'))
  return dir
}

describe('the change log', () => {
  it('appends one small record per change — the change, not the journal — and leaves the snapshot alone', async () => {
    journal = await openTempJournal()
    for (let i = 0; i < 50; i++) await journal.handlers.createPerson(person(`Bulk ${i}`))
    const snapshot = await readFile(journal.file)
    const logBefore = (await readFile(`${journal.file}.log`)).length
    const ana = await journal.handlers.createPerson(person('Ana García'))
    await journal.handlers.updatePerson({ id: ana.id, patch: { role: 'CFO' } })
    expect(await readFile(journal.file)).toEqual(snapshot)
    const log = await readFile(`${journal.file}.log`)
    const reading = readLog(log)
    if (!reading.ok) throw new Error(reading.problem)
    expect(reading.records.map((r) => r.seq)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1))
    // Two records for two changes, each about the size of the one person they carry.
    const added = log.length - logBefore
    expect(added).toBeLessThan(2 * (JSON.stringify(ana).length + 200))
    expect(reading.records.at(-1)!.ops).toEqual([
      { c: 'people', del: [[50, ana.id]], ins: [[50, { ...ana, role: 'CFO', updatedAt: expect.any(String) }]] }
    ])
  })

  it('opens as the snapshot with every change replayed, in order', async () => {
    journal = await openTempJournal()
    const ana = await journal.handlers.createPerson(person('Ana'))
    await journal.handlers.createPerson(person('Bo'))
    await journal.handlers.logConversation({
      conversation: {
        personIds: [ana.id],
        date: '2026-11-20T10:00:00.000Z',
        channel: 'call',
        title: 'Pricing',
        body: ''
      },
      followUps: []
    })
    const removed = await journal.handlers.deletePerson({ id: ana.id })
    await journal.handlers.undoDelete({ removed })
    const live = serializeJournal(journal.session.store().journal)
    const dir = await crashCopy(journal)
    expect(serializeJournal(await storedJournal(join(dir, 'journal.json')))).toBe(live)
  })

  it('drops a torn last record, at every byte offset of it, and loses nothing else', async () => {
    journal = await openTempJournal()
    await journal.handlers.createPerson(person('Ana'))
    await journal.handlers.createPerson(person('Bo'))
    const kept = serializeJournal(journal.session.store().journal)
    await journal.handlers.logConversation({
      conversation: {
        personIds: [journal.session.store().journal.people[0]!.id],
        date: '2026-11-20T10:00:00.000Z',
        channel: 'call',
        title: 'Torn',
        body: 'é'.repeat(40)
      },
      followUps: []
    })
    const dir = await crashCopy(journal)
    const log = join(dir, 'journal.json.log')
    const whole = await readFile(log)
    const lastStart = whole.subarray(0, -1).lastIndexOf(0x0a) + 1
    for (let cut = lastStart; cut < whole.length; cut++) {
      await writeFile(log, whole.subarray(0, cut))
      const session = await JournalSession.open(dir, { owner: 'test', readOnly: true })
      expect((await session.status()).state, `cut at byte ${cut}`).toBe('ready')
      expect(serializeJournal(session.store().journal), `cut at byte ${cut}`).toBe(kept)
      expect(session.store().log.tornBytes, `cut at byte ${cut}`).toBe(cut - lastStart)
    }
    // Opened for writing, the torn bytes are cut off and the next change follows the good records.
    await writeFile(log, whole.subarray(0, lastStart + 10))
    const session = await JournalSession.open(dir, { owner: 'test' })
    await session.store().change((j) => ({ next: { ...j, me: { name: 'Sam' } }, result: null }))
    await session.close()
    expect((await storedJournal(join(dir, 'journal.json'))).me.name).toBe('Sam')
  })

  it.each([
    [
      'a bad record before the last',
      (log: Buffer) => Buffer.from(log.toString().replace('"Ana"', '"Ann"')),
      /record 1 .* not intact/
    ],
    [
      'a gap in the sequence',
      (log: Buffer) =>
        Buffer.from(
          log
            .toString()
            .split('\n')
            .filter((_, i) => i !== 1)
            .join('\n')
        ),
      /skips from change 1 to change 3/
    ]
  ])('treats %s as damage: the recovery screen, both files kept byte for byte', async (_, damage, message) => {
    journal = await openTempJournal()
    for (const name of ['Ana', 'Bo', 'Cy']) await journal.handlers.createPerson(person(name))
    const dir = await crashCopy(journal)
    const log = join(dir, 'journal.json.log')
    await writeFile(log, damage(await readFile(log)))
    const before = await storedFilesHash(join(dir, 'journal.json'))
    const session = await JournalSession.open(dir, { owner: 'test' })
    const status = await session.status()
    expect(status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(message) })
    await session.close()
    expect(await storedFilesHash(join(dir, 'journal.json'))).toBe(before)
  })

  it('treats a log that starts past the snapshot as damage: changes are missing', async () => {
    journal = await openTempJournal()
    for (const name of ['Ana', 'Bo']) await journal.handlers.createPerson(person(name))
    const dir = await crashCopy(journal)
    const log = join(dir, 'journal.json.log')
    const lines = (await readFile(log, 'utf8')).split('\n')
    await writeFile(log, lines.slice(1).join('\n'))
    const session = await JournalSession.open(dir, { owner: 'test' })
    expect(await session.status()).toMatchObject({
      state: 'unreadable',
      problem: expect.stringMatching(/starts at change 2.*up to 0 only/)
    })
    await session.close()
  })
})

describe('doctor and restore with a change log', () => {
  it('reports a torn last record in rapport doctor, and what the log holds', async () => {
    journal = await openTempJournal()
    for (const name of ['Ana', 'Bo']) await journal.handlers.createPerson(person(name))
    const dir = await crashCopy(journal)
    const log = join(dir, 'journal.json.log')
    const whole = await readFile(log)
    await writeFile(log, whole.subarray(0, whole.length - 20))
    const session = await JournalSession.open(dir, { owner: 'test', readOnly: true })
    const texts = (await session.health()).map((f) => `${f.level}: ${f.text}`)
    expect(texts).toContainEqual(
      expect.stringMatching(/^ok: journal\.json\.log is intact: 1 change since the last snapshot/)
    )
    expect(texts).toContainEqual(
      expect.stringMatching(
        /^note: journal\.json\.log ends with a change that was being saved when Rapport stopped .* dropped/
      )
    )
  })

  it('restores a backup over a journal with a log: the backup is what opens, even after a crash midway', async () => {
    journal = await openTempJournal()
    await journal.handlers.createPerson(person('Before the backup'))
    const backup = await journal.handlers.backupNow({})
    await journal.handlers.createPerson(person('After the backup'))
    const logBefore = await readFile(`${journal.file}.log`)
    const status = await journal.session.restoreBackup(backup.name)
    expect(status).toMatchObject({ state: 'ready', people: 1 })
    expect((await storedJournal(journal.file)).people.map((p) => p.name)).toEqual(['Before the backup'])
    // The journal as it stood, log included, is the pre-restore backup.
    const pre = (await journal.session.backups()).find((b) => b.kind === 'pre-restore')!
    expect(await readFile(join(journal.dir, 'backups', pre.name), 'utf8')).toContain('After the backup')
    // A crash after the new snapshot but before the empty log: the old records are all skipped.
    const dir = await makeTempDir('rapport-crash-')
    await copyFile(journal.file, join(dir, 'journal.json'))
    await writeFile(join(dir, 'journal.json.log'), logBefore)
    expect((await storedJournal(join(dir, 'journal.json'))).people.map((p) => p.name)).toEqual(['Before the backup'])
    // Changes go on after the restore, numbered past the old log.
    await journal.handlers.createPerson(person('After the restore'))
    expect((await storedJournal(journal.file)).people.map((p) => p.name)).toEqual([
      'Before the backup',
      'After the restore'
    ])
  })

  it('keeps a damaged log byte for byte when a backup is restored over it', async () => {
    journal = await openTempJournal()
    for (const name of ['Ana', 'Bo', 'Cy']) await journal.handlers.createPerson(person(name))
    const backup = await journal.handlers.backupNow({})
    const dir = await crashCopy(journal)
    await mkdir(join(dir, 'backups'))
    await copyFile(join(journal.dir, 'backups', backup.name), join(dir, 'backups', backup.name))
    await journal.handlers.createPerson(person('Di'))
    await journal.handlers.createPerson(person('Ed'))
    const log = join(dir, 'journal.json.log')
    await writeFile(log, `garbage\n${await readFile(`${journal.file}.log`, 'utf8')}`)
    const damagedLog = await readFile(log)
    const session = await JournalSession.open(dir, { owner: 'test' })
    expect((await session.status()).state).toBe('unreadable')
    await session.restoreBackup(backup.name)
    const kept = (await readdir(dir)).find((n) => /^journal\.unreadable-.+\.log$/.test(n))!
    expect(await readFile(join(dir, kept))).toEqual(damagedLog)
    expect(session.store().journal.people.map((p) => p.name)).toEqual(['Ana', 'Bo', 'Cy'])
    await session.close()
  })
})

describe('a log left by an older Rapport', () => {
  it('is replayed on its older snapshot, then migrated: a person added before the upgrade gains the new fields', async () => {
    journal = await openTempJournal()
    await journal.handlers.createPerson(person('Ana'))
    await journal.session.close()
    // As schema version 2 wrote it (no important dates), with one change still in the log: `rapport add`
    // run just before the upgrade, which leaves compaction to the app.
    const dir = await crashCopy(journal)
    const file = join(dir, 'journal.json')
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as {
      schemaVersion: number
      logSeq: number
      people: Array<Record<string, unknown>>
    }
    const older = (p: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'importantDates'))
    const bo = { ...older(snapshot.people[0]!), id: '2b0c5f0e-8a52-4d51-9a43-5e0a8f1d7c11', name: 'Bo Lind' }
    await writeFile(file, serializeJournal({ ...snapshot, schemaVersion: 2, people: snapshot.people.map(older) }))
    await writeFile(
      `${file}.log`,
      encodeRecord({ seq: snapshot.logSeq + 1, ops: [{ c: 'people', del: [], ins: [[1, bo]] }] as ChangeOp[] })
    )
    const session = await JournalSession.open(dir, { owner: 'test' })
    expect((await session.status()).state).toBe('ready')
    expect(session.store().journal.people.map((p) => [p.name, p.importantDates])).toEqual([
      ['Ana', []],
      ['Bo Lind', []]
    ])
    expect((await session.backups()).filter((b) => b.kind === 'pre-migration')).toHaveLength(1)
    await session.close()
    expect((await storedJournal(file)).people.map((p) => p.name)).toEqual(['Ana', 'Bo Lind'])
  })
})
