/**
 * A journal protected with a passphrase (docs/encryption.md): nothing it wrote can be read without the
 * passphrase — not the snapshot, the change log, a backup or the saved search index — a wrong passphrase is
 * told apart from damage and changes nothing, and one flipped bit anywhere is reported as damage.
 */
import { chmod, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/core/api/handlers.ts'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { sha256 as hashOf } from '../../src/core/journal/file-hash.ts'
import { sha256 } from '../support/files.ts'
import { CHEAP_KDF, PASSPHRASE } from '../support/protected-journal.ts'
import { makeTempDir } from '../support/temp-journal.ts'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/** The words a test writes: names, companies, note words. None may be found in the folder once protected. */
const SECRETS = ['Zebulon', 'Quixotic', 'Pancreatitis', 'Marchbanks', 'Bankruptcy', 'Featherstonehaugh', 'Oboe']

async function open(dir: string, options: { compaction?: { onClose: boolean } } = {}) {
  const session = await JournalSession.open(dir, { owner: 'test', kdf: CHEAP_KDF, ...options })
  return { session, handlers: createHandlers(session) }
}

function logCall(handlers: Handlers, personId: string, title: string, body: string) {
  const conversation = { personIds: [personId], date: new Date().toISOString(), channel: 'call' as const, title, body }
  return handlers.logConversation({ conversation, followUps: [] })
}

/** A journal with a person, a note and an interest, protected, then changed again (so the log holds records). */
async function protectedJournal(): Promise<string> {
  const dir = await makeTempDir('rapport-crypt-')
  dirs.push(dir)
  const { session, handlers } = await open(dir)
  const zeb = await handlers.createPerson({ person: { name: 'Zebulon Quixotic', company: 'Featherstonehaugh Ltd' } })
  await logCall(handlers, zeb.id, 'Health', 'Her pancreatitis is better.')
  await handlers.addInterest({ interest: { ownerId: zeb.id, label: 'Oboe', category: 'hobby', note: '' } })
  await handlers.backupNow({})
  await session.store().compact()
  await session.close() // a clear saved index and clear backups, as a journal has before it is protected
  // Closed without a last snapshot, so the change log keeps its records.
  const again = await open(dir, { compaction: { onClose: false } })
  const status = await again.handlers.setPassphrase({ passphrase: PASSPHRASE, noRecovery: true })
  expect(status).toMatchObject({ state: 'ready', protected: true })
  const ophelia = await again.handlers.createPerson({ person: { name: 'Ophelia Marchbanks', company: '' } })
  await logCall(again.handlers, ophelia.id, 'Bankruptcy', 'Bankruptcy talk.')
  await again.session.close()
  return dir
}

async function filesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true })
  return names.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

async function hashes(dir: string): Promise<Map<string, string>> {
  const files = (await filesUnder(dir)).filter((file) => !file.endsWith('.lock'))
  return new Map(await Promise.all(files.map(async (file) => [file, await sha256(file)] as const)))
}

describe('a journal protected with a passphrase', () => {
  it('leaves none of the names and note words it wrote in any file of its folder: journal, log, backups, index', async () => {
    const dir = await protectedJournal()
    const files = await filesUnder(dir)
    const names = files.map((file) => file.slice(dir.length + 1))
    expect(names).toEqual(expect.arrayContaining(['journal.json', 'journal.json.log', 'journal.json.search-index']))
    expect(names.filter((name) => name.startsWith('backups/')).length).toBeGreaterThanOrEqual(3)
    expect((await readFile(join(dir, 'journal.json.log'), 'utf8')).split('\n').length).toBeGreaterThan(1)
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1').toLowerCase()
      for (const word of SECRETS) expect(text.includes(word.toLowerCase()), `${word} in ${file}`).toBe(false)
    }
  })

  it('opens locked, refuses a wrong passphrase without changing a byte, and opens with the right one', async () => {
    const dir = await protectedJournal()
    const before = await hashes(dir)
    const { session, handlers } = await open(dir)
    expect(await handlers.journalStatus({})).toEqual({ state: 'locked', file: join(dir, 'journal.json') })
    await expect(handlers.getToday({})).rejects.toMatchObject({ code: 'locked' })
    await expect(handlers.unlockJournal({ passphrase: 'wrong horse battery staple' })).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: 'That passphrase does not unlock this journal. Nothing was changed.'
    })
    expect(await hashes(dir)).toEqual(before)
    expect(await handlers.unlockJournal({ passphrase: PASSPHRASE })).toMatchObject({ state: 'ready', people: 2 })
    const found = await handlers.search({ query: { text: 'pancreatitis' } })
    expect(found.groups.map((group) => group.personName)).toEqual(['Zebulon Quixotic'])
    expect((await handlers.listBackups({})).every((backup) => backup.problem === '')).toBe(true)
    // Locking forgets the journal: calls are refused until it is unlocked again.
    expect(await handlers.lockJournal({})).toEqual({ state: 'locked', file: join(dir, 'journal.json') })
    await expect(handlers.listPeople({})).rejects.toMatchObject({ code: 'locked' })
    await session.close()
  })

  it('tells a damaged header from a wrong passphrase, keeps the files, and restores a backup', async () => {
    const dir = await protectedJournal()
    const file = join(dir, 'journal.json')
    const bytes = await readFile(file)
    bytes[40] = bytes[40]! ^ 0x04 // inside the header's JSON
    await writeFile(file, bytes)
    const before = await hashes(dir)
    const { session, handlers } = await open(dir)
    // The backups' header still unwraps the key, so the journal can be unlocked to restore one.
    expect((await handlers.journalStatus({})).state).toBe('locked')
    const status = await handlers.unlockJournal({ passphrase: PASSPHRASE })
    expect(status).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/header is damaged/) })
    expect(await hashes(dir)).toEqual(before)
    const good = (await handlers.listBackups({})).find((backup) => backup.problem === '')!
    expect(await handlers.restoreBackup({ name: good.name })).toMatchObject({ state: 'ready', protected: true })
    await session.close()
  })

  it('reports one flipped bit anywhere in the snapshot or the change log as damage, never reading past it', async () => {
    const dir = await protectedJournal()
    // Backups would let a damaged header be unlocked through theirs; here the journal alone is judged.
    await rm(join(dir, 'backups'), { recursive: true })
    for (const name of ['journal.json', 'journal.json.log']) {
      const file = join(dir, name)
      const original = await readFile(file)
      const step = name === 'journal.json' ? 3 : 2
      for (let at = 0; at < original.length; at += step) {
        const flipped = Buffer.from(original)
        flipped[at] = flipped[at]! ^ (1 << (at % 8))
        await writeFile(file, flipped)
        const session = await JournalSession.open(dir, { owner: 'test', readOnly: true })
        let status = await session.status()
        if (status.state === 'locked') status = await session.unlock(PASSPHRASE)
        expect(status.state, `${name} byte ${at}`).toBe('unreadable')
        expect(await sha256(file), `${name} byte ${at} kept as it was`).toBe(hashOf(flipped))
        await session.close()
      }
      await writeFile(file, original)
    }
  }, 120_000)

  it('reads a snapshot cut short as damage, and a change log whose last record is cut short as a torn save', async () => {
    const dir = await protectedJournal()
    await rm(join(dir, 'backups'), { recursive: true })
    const snapshot = join(dir, 'journal.json')
    const log = join(dir, 'journal.json.log')
    const [whole, records] = [await readFile(snapshot), await readFile(log)]
    for (const cut of [0, 10, 17, 200, whole.length - 17, whole.length - 1]) {
      await writeFile(snapshot, whole.subarray(0, cut))
      const session = await JournalSession.open(dir, { owner: 'test', readOnly: true })
      let status = await session.status()
      if (status.state === 'locked') status = await session.unlock(PASSPHRASE)
      expect(status.state, `cut at ${cut}`).toBe('unreadable')
      await session.close()
    }
    await writeFile(snapshot, whole)
    // A crash mid-append leaves a prefix of the last record: it was never confirmed, so it is dropped.
    const lastStart = records.subarray(0, -1).lastIndexOf(0x0a) + 1
    for (let cut = lastStart + 1; cut < records.length; cut += 7) {
      await writeFile(log, records.subarray(0, cut))
      const session = await JournalSession.open(dir, { owner: 'test', readOnly: true })
      const status = await session.unlock(PASSPHRASE)
      expect(status, `log cut at ${cut}`).toMatchObject({ state: 'ready', people: 2 })
      await session.close()
    }
  })

  it('opens a protected journal the user made read-only: unlocked and shown, nothing written, its passphrase kept', async () => {
    const dir = await protectedJournal()
    await chmod(join(dir, 'journal.json'), 0o400)
    const before = await hashes(dir)
    const { session, handlers } = await open(dir)
    expect(await handlers.unlockJournal({ passphrase: PASSPHRASE })).toMatchObject({
      state: 'ready',
      protected: true,
      readOnly: expect.stringMatching(/read-only/)
    })
    await expect(handlers.removePassphrase({})).rejects.toMatchObject({ code: 'forbidden' })
    await session.close()
    expect(await hashes(dir)).toEqual(before)
  })

  it('changes the passphrase (the old one no longer opens anything) and takes it off (every file clear again)', async () => {
    const dir = await protectedJournal()
    let { session, handlers } = await open(dir)
    await handlers.unlockJournal({ passphrase: PASSPHRASE })
    await handlers.setPassphrase({ passphrase: 'a new passphrase here', noRecovery: true })
    await session.close()
    ;({ session, handlers } = await open(dir))
    await expect(handlers.unlockJournal({ passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'wrong-passphrase' })
    expect(await handlers.unlockJournal({ passphrase: 'a new passphrase here' })).toMatchObject({ state: 'ready' })
    const backups = await handlers.listBackups({})
    expect(backups.map((backup) => backup.kind)).toContain('pre-passphrase')
    expect(backups.every((backup) => backup.problem === '')).toBe(true)
    expect(await handlers.removePassphrase({})).toMatchObject({ state: 'ready', protected: false, people: 2 })
    await session.close()
    for (const file of await filesUnder(dir)) {
      const head = (await readFile(file)).subarray(0, 16).toString('latin1')
      expect(head.startsWith('RAPPORT-SEALED'), file).toBe(false)
    }
    expect(await readFile(join(dir, 'journal.json'), 'utf8')).toContain('Zebulon Quixotic')
  })

  it('finishes on the next open what a crash during “set” left: a clear backup and a clear index are sealed or removed', async () => {
    const dir = await makeTempDir('rapport-crypt-')
    dirs.push(dir)
    const { session, handlers } = await open(dir)
    await handlers.createPerson({ person: { name: 'Zebulon Quixotic', company: '' } })
    await handlers.backupNow({})
    await session.close()
    const clear = await readFile(join(dir, 'journal.json.search-index'))
    const backups = await readdir(join(dir, 'backups'))
    const clearBackup = await readFile(join(dir, 'backups', backups[0]!))
    const again = await open(dir)
    await again.handlers.setPassphrase({ passphrase: PASSPHRASE, noRecovery: true })
    await again.session.close()
    // As if the process died after the snapshot was sealed, before the backups and the index were.
    await writeFile(join(dir, 'backups', backups[0]!), clearBackup)
    await writeFile(join(dir, 'journal.json.search-index'), clear)
    const third = await open(dir)
    await third.handlers.unlockJournal({ passphrase: PASSPHRASE })
    await third.session.close()
    for (const file of await filesUnder(dir)) {
      expect((await readFile(file)).toString('latin1').includes('Zebulon'), file).toBe(false)
    }
  })
})
