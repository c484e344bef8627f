/**
 * What leaves a protected journal: its full backup file is encrypted unless a clear one is asked for (and
 * imports back only into that journal), a move keeps it encrypted in the new folder, and the exports the
 * user asks for in other formats are clear, as docs/encryption.md says.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/core/api/handlers.ts'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { PickingShell } from '../support/picking-shell.ts'
import { CHEAP_KDF, PASSPHRASE } from '../support/protected-journal.ts'

const dirs: string[] = []
const sessions: JournalSession[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()))
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-crypt-out-'))
  dirs.push(dir)
  return dir
}

async function journal(protect: boolean): Promise<{ dir: string; handlers: Handlers; shell: PickingShell }> {
  const dir = await folder()
  const shell = new PickingShell()
  const session = await JournalSession.open(dir, { owner: 'test', kdf: CHEAP_KDF })
  sessions.push(session)
  const handlers = createHandlers(session, { shell })
  await handlers.createPerson({ person: { name: 'Zebulon Quixotic', company: 'Featherstonehaugh Ltd' } })
  if (protect) await handlers.setPassphrase({ passphrase: PASSPHRASE, noRecovery: true })
  return { dir, handlers, shell }
}

describe('what leaves a protected journal', () => {
  it('writes the full backup encrypted, imports it back into the same journal, and refuses it elsewhere', async () => {
    const { handlers, shell } = await journal(true)
    const out = await folder()
    shell.saveAs = join(out, 'backup.json')
    expect(await handlers.exportJson({})).toMatchObject({ canceled: false, encrypted: true })
    expect((await readFile(shell.saveAs)).toString('latin1')).not.toContain('Zebulon')
    shell.file = shell.saveAs
    const picked = await handlers.importPick({})
    if (picked.canceled || picked.preview.kind !== 'journal') throw new Error('expected a journal preview')
    const other = await journal(false)
    other.shell.file = shell.saveAs
    await expect(other.handlers.importPick({})).rejects.toThrow(
      /encrypted by a journal protected with a passphrase: it opens only in that journal/
    )
  })

  it('describes a backup taken now as a readable one, with its size, sealed on disk', async () => {
    const { dir, handlers } = await journal(true)
    const backup = await handlers.backupNow({})
    expect(backup).toMatchObject({ kind: 'manual', problem: '' })
    expect(backup.sizeBytes).toBeGreaterThan(0)
    const listed = (await handlers.listBackups({})).find((b) => b.name === backup.name)
    expect(listed).toEqual(backup)
    expect((await readFile(join(dir, 'backups', backup.name))).toString('latin1')).not.toContain('Zebulon')
  })

  it('writes a clear full backup when asked, readable anywhere', async () => {
    const { handlers, shell } = await journal(true)
    shell.saveAs = join(await folder(), 'clear.json')
    expect(await handlers.exportJson({ clear: true })).toMatchObject({ canceled: false, encrypted: false })
    expect(await readFile(shell.saveAs, 'utf8')).toContain('Zebulon Quixotic')
  })

  it('moves the journal encrypted, backups and all, and opens it there without asking again', async () => {
    const { handlers, shell } = await journal(true)
    await handlers.backupNow({})
    shell.folder = await folder()
    expect(await handlers.moveJournal({})).toMatchObject({ canceled: false })
    expect(await handlers.journalStatus({})).toMatchObject({ state: 'ready', protected: true, people: 1 })
    const moved = await readdir(shell.folder, { recursive: true })
    expect(moved).toEqual(expect.arrayContaining(['journal.json', 'backups']))
    for (const name of moved.filter((name) => name.endsWith('.json'))) {
      const text = (await readFile(join(shell.folder, name)).catch(() => Buffer.alloc(0))).toString('latin1')
      expect(text.includes('Zebulon'), name).toBe(false)
    }
  })
})
