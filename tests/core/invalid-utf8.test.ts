/**
 * Bytes that are not UTF-8 in a journal Rapport wrote are damage — another program or the disk changed the
 * file — never text to be "repaired" with U+FFFD on the next save. The snapshot, the change log and the
 * backups are decoded strictly: the recovery screen opens, every file stays byte for byte, doctor says so.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { storedFilesHash } from '../support/files.ts'
import { makeTempDir } from '../support/temp-journal.ts'

let dir = ''
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A journal Rapport wrote (a snapshot with Zoë in it, and a log with two more changes), closed again. */
async function writtenJournal(): Promise<{ dir: string }> {
  const folder = await makeTempDir()
  // Closed as the rapport command closes it: the last changes stay in the log.
  const session = await JournalSession.open(folder, { owner: 'test', compaction: { onClose: false } })
  const api = createHandlers(session)
  await api.createPerson({ person: { name: 'Zoë Adeyemi', company: 'Kestrel Freight' } })
  await session.store().compact()
  const kofi = await api.createPerson({ person: { name: 'Kofi Mensah', company: 'Gold Coast Cocoa' } })
  await api.updatePerson({ id: kofi.id, patch: { role: 'Head of Procurement — Tema' } })
  await session.close()
  return { dir: folder }
}

/** The file with the bytes of `text` (its first occurrence) replaced by `bytes`. */
async function damage(path: string, text: string, bytes: number[]): Promise<number> {
  const content = await readFile(path)
  const at = content.indexOf(Buffer.from(text))
  if (at === -1) throw new Error(`“${text}” is not in ${path}`)
  const target = Buffer.from(text)
  const damaged = Buffer.concat([content.subarray(0, at), Buffer.from(bytes), content.subarray(at + target.length)])
  await writeFile(path, damaged)
  return at
}

async function expectRecoveryScreen(problem: RegExp): Promise<void> {
  const file = join(dir, 'journal.json')
  const before = await storedFilesHash(file)
  const names = (await readdir(dir)).sort()
  const session = await JournalSession.open(dir, { owner: 'test' })
  const status = await session.status()
  expect(status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(problem) })
  await session.close()
  expect(await storedFilesHash(file)).toBe(before)
  expect((await readdir(dir)).sort()).toEqual(names)
  // rapport doctor (a read-only session) names it as a problem.
  const doctor = await JournalSession.open(dir, { owner: 'cli', readOnly: true })
  const findings = await doctor.health()
  await doctor.close()
  expect(findings).toContainEqual({ level: 'problem', text: expect.stringMatching(problem) })
}

describe('invalid UTF-8', () => {
  it('in the snapshot (FF FE in a name) opens the recovery screen, naming the byte, files unchanged', async () => {
    ;({ dir } = await writtenJournal())
    const at = await damage(join(dir, 'journal.json'), 'ë', [0xff, 0xfe])
    await expectRecoveryScreen(new RegExp(`not valid UTF-8 text \\(byte ${at}\\)`))
  })

  it('in the last change of the log, whole and ending its line, is damage, not a torn save', async () => {
    ;({ dir } = await writtenJournal())
    // The role's dash (E2 80 94) loses its first byte: a lone continuation, in a record that ends its line.
    await damage(join(dir, 'journal.json.log'), '—', [0x80, 0x94])
    await expectRecoveryScreen(/change log is damaged: record 2 \(byte \d+\) is not valid UTF-8 text/)
  })

  it('in an earlier change of the log is damage too', async () => {
    ;({ dir } = await writtenJournal())
    await damage(join(dir, 'journal.json.log'), 'Kofi', [0x4b, 0xc3, 0x28, 0x69])
    await expectRecoveryScreen(/change log is damaged: record 1 \(byte 0\)/)
  })

  it('a last record cut short inside a character (a crash mid-append) is still only a torn save', async () => {
    ;({ dir } = await writtenJournal())
    const log = join(dir, 'journal.json.log')
    const bytes = await readFile(log)
    const dash = bytes.lastIndexOf(Buffer.from('—'))
    await writeFile(log, bytes.subarray(0, dash + 1))
    const session = await JournalSession.open(dir, { owner: 'test', readOnly: true })
    expect(await session.status()).toMatchObject({ state: 'ready', people: 2 })
    expect(session.store().log.tornBytes).toBeGreaterThan(0)
    await session.close()
  })

  it('in a backup marks it unreadable, and restoring it is refused', async () => {
    ;({ dir } = await writtenJournal())
    const backups = join(dir, 'backups')
    const [daily] = (await readdir(backups)).filter((name) => name.startsWith('daily-'))
    await damage(join(backups, daily!), 'Zoë', [0x5a, 0x6f, 0xc3])
    const session = await JournalSession.open(dir, { owner: 'test' })
    const listed = (await session.backups()).find((backup) => backup.name === daily)
    expect(listed?.problem).toMatch(/not valid UTF-8 text/)
    await expect(session.restoreBackup(daily!)).rejects.toThrow(/cannot be read either: .*not valid UTF-8 text/)
    await session.close()
  })
})
