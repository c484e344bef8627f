/**
 * Odd things where the journal's files should be: a link, a read-only file, a folder, a named pipe, and what
 * a killed writer leaves in backups/. Each is opened promptly with a plain answer, and none is changed.
 */
import { execFileSync } from 'node:child_process'
import { chmod, lstat, mkdir, readdir, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { call, createHandlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { fingerprint, storedFilesHash } from '../support/files.ts'
import { makeTempDir } from '../support/temp-journal.ts'

const folders: string[] = []
afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function folder(): Promise<string> {
  const dir = await makeTempDir('rapport-odd-')
  folders.push(dir)
  return dir
}

/** A journal Rapport wrote with two people, closed again: its snapshot, log and backups. */
async function writtenJournal(dir: string): Promise<string> {
  const session = await JournalSession.open(dir, { owner: 'test', compaction: { onClose: false } })
  const api = createHandlers(session)
  await api.createPerson({ person: { name: 'Ingrid Solberg', company: 'Fjord Analytics' } })
  await api.createPerson({ person: { name: 'Rahul Mehta', company: 'Monsoon Textiles' } })
  await session.close()
  return join(dir, 'journal.json')
}

async function statusOf(dir: string, readOnly = false) {
  const session = await JournalSession.open(dir, { owner: readOnly ? 'cli' : 'test', readOnly })
  const status = await session.status()
  const findings = readOnly ? await session.health() : []
  await session.close()
  return { status, findings }
}

describe('a symbolic link at journal.json', () => {
  it('is refused in words naming where it points, and neither the link nor its target is touched', async () => {
    const real = await folder()
    const target = await writtenJournal(real)
    const dir = await folder()
    await symlink(target, join(dir, 'journal.json'))
    const before = await fingerprint(target)

    const { status } = await statusOf(dir)
    expect(status).toMatchObject({
      state: 'unreadable',
      restorable: false,
      problem: `journal.json is a link to ${target}. Rapport keeps the journal and its change log side by side and replaces the file whenever it saves a snapshot, which would cut the link: open the folder the journal is in (${real}) instead.`
    })
    expect((await lstat(join(dir, 'journal.json'))).isSymbolicLink()).toBe(true)
    expect(await readlink(join(dir, 'journal.json'))).toBe(target)
    expect(await fingerprint(target)).toBe(before)
    expect(await readdir(dir)).toEqual(['journal.json'])
    // doctor says the same, as a problem.
    const { findings } = await statusOf(dir, true)
    expect(findings).toContainEqual({ level: 'problem', text: expect.stringContaining('journal.json is a link to') })
  })

  it('is refused for the change log too', async () => {
    const dir = await folder()
    const file = await writtenJournal(dir)
    const elsewhere = await folder()
    await writeFile(join(elsewhere, 'other.log'), '')
    await rm(`${file}.log`)
    await symlink(join(elsewhere, 'other.log'), `${file}.log`)
    const { status } = await statusOf(dir)
    expect(status).toMatchObject({
      state: 'unreadable',
      problem: expect.stringMatching(/^journal\.json\.log is a link to /)
    })
  })
})

describe('a read-only journal (mode 0400)', () => {
  it('opens read-only, says why, refuses changes in words and is never made 0600 or written', async () => {
    const dir = await folder()
    const file = await writtenJournal(dir)
    await chmod(file, 0o400)
    await chmod(`${file}.log`, 0o400)
    const before = await storedFilesHash(file)
    const names = (await readdir(dir)).sort()

    const session = await JournalSession.open(dir, { owner: 'app' })
    const status = await session.status()
    expect(status).toMatchObject({
      state: 'ready',
      people: 2,
      readOnly:
        'journal.json is read-only (mode 0400), so Rapport shows it without changing it. To edit it again, make it writable (chmod 600) and reopen it.'
    })
    const api = createHandlers(session)
    await expect(call(api, 'createPerson', { person: { name: 'Chen Wei' } })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('journal.json is read-only (mode 0400)')
    })
    await session.close()

    expect((await stat(file)).mode & 0o777).toBe(0o400)
    expect((await stat(`${file}.log`)).mode & 0o777).toBe(0o400)
    expect(await storedFilesHash(file)).toBe(before)
    expect((await readdir(dir)).sort()).toEqual(names)
  })
})

describe('leftovers of a killed writer', () => {
  it('full-journal .tmp files in backups/ are removed on the next open; backups stay', async () => {
    const dir = await folder()
    await writtenJournal(dir)
    const backups = join(dir, 'backups')
    const kept = (await readdir(backups)).sort()
    const leftovers = [
      `.daily-2026-11-30.json.41234.7d1e6a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b.tmp`,
      `.manual-2026-12-01T08-15-00-000Z.json.41299.1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d.tmp`
    ]
    for (const name of leftovers) await writeFile(join(backups, name), '{"schemaVersion": 2, "logSeq": 4, "me": {')
    const session = await JournalSession.open(dir, { owner: 'app' })
    await session.close()
    expect((await readdir(backups)).sort()).toEqual(kept)
  })
})

describe('journal.json that is not a file', () => {
  it('a folder: a plain answer, not EISDIR, and the folder is left as it is', async () => {
    const dir = await folder()
    await mkdir(join(dir, 'journal.json'))
    await writeFile(join(dir, 'journal.json', 'notes.txt'), 'mine')
    const { status } = await statusOf(dir)
    expect(status).toMatchObject({
      state: 'unreadable',
      restorable: false,
      problem:
        'journal.json is a folder, not a journal file. Move it out of the way (or pick the folder that holds your journal) and try again.'
    })
    expect(await readdir(join(dir, 'journal.json'))).toEqual(['notes.txt'])
  })

  it.runIf(process.platform !== 'win32')(
    'a named pipe (FIFO): refused at once, for writing and for reading, never waited on',
    async () => {
      const dir = await folder()
      execFileSync('mkfifo', [join(dir, 'journal.json')])
      for (const readOnly of [false, true]) {
        const { status, findings } = await statusOf(dir, readOnly)
        expect(status).toMatchObject({
          state: 'unreadable',
          restorable: false,
          problem:
            'journal.json is a named pipe (FIFO), not a journal file. Move it out of the way (or pick the folder that holds your journal) and try again.'
        })
        if (readOnly) expect(findings).toContainEqual({ level: 'problem', text: expect.stringContaining('named pipe') })
      }
      expect((await lstat(join(dir, 'journal.json'))).isFIFO()).toBe(true)
      expect(await readdir(dir)).toEqual(['journal.json'])
    }
  )

  it('restoring a backup over such a file is refused, leaving it alone', async () => {
    const dir = await writtenJournalFolder()
    await rm(join(dir, 'journal.json'))
    await mkdir(join(dir, 'journal.json'))
    const session = await JournalSession.open(dir, { owner: 'app' })
    const [backup] = await session.backups()
    await expect(session.restoreBackup(backup!.name)).rejects.toThrow(/journal\.json is a folder/)
    await session.close()
    expect((await stat(join(dir, 'journal.json'))).isDirectory()).toBe(true)
  })
})

async function writtenJournalFolder(): Promise<string> {
  const dir = await folder()
  await writtenJournal(dir)
  return dir
}
