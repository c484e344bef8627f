/**
 * Maintenance against changes in flight: people are added one after another, as fast as the store takes
 * them, while a backup is restored or the journal is moved. No add the app was told succeeded may vanish:
 * it is in the journal afterwards, or (for a restore, which replaces the journal) in the pre-restore backup
 * the restore keeps. An add that comes while maintenance runs is refused in words, never silently dropped.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/api/handlers.ts'
import { NO_SHELL } from '../../src/core/api/shell-port.ts'
import type { ShellPort } from '../../src/core/api/shell-port.ts'
import { readJournalText } from '../../src/core/journal/journal-text.ts'
import { storedJournal } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const folders: string[] = []
let journal: TempJournal | undefined
afterEach(async () => {
  await journal?.dispose()
  journal = undefined
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true })
})

interface Outcome {
  acknowledged: string[]
  refused: string[]
}

/**
 * Adds people one after another until `maintenance` has finished, each started as soon as the previous
 * one is answered and a turn of the event loop has passed, and a few more after it: the ids acknowledged,
 * and the messages of the refusals.
 */
async function addWhile(open: TempJournal, maintenance: Promise<unknown>): Promise<Outcome> {
  const outcome: Outcome = { acknowledged: [], refused: [] }
  let done = false
  const finished = maintenance.finally(() => (done = true))
  let n = 0
  const addOne = async () => {
    const result = await dispatch(open.handlers, 'createPerson', {
      person: { name: `Walk-in ${++n}`, company: 'Expo' }
    })
    if (result.ok) outcome.acknowledged.push((result.value as { id: string }).id)
    else outcome.refused.push(result.error.message)
    await new Promise((resolve) => setImmediate(resolve))
  }
  const adding = (async () => {
    while (!done) await addOne()
    for (let i = 0; i < 3; i++) await addOne()
  })()
  await finished
  await adding
  return outcome
}

const ids = (people: Array<{ id: string }>) => new Set(people.map((p) => p.id))

describe('maintenance runs in the change queue', () => {
  it('restoring a backup loses no acknowledged add: each is in the restored journal or the pre-restore backup', async () => {
    journal = await openTempJournal()
    await journal.handlers.createPerson({ person: { name: 'Ana García', company: 'Acme' } })
    const backup = await journal.handlers.backupNow({})
    for (let round = 0; round < 5; round++) {
      const outcome = await addWhile(journal, journal.handlers.restoreBackup({ name: backup.name }))
      expect(outcome.acknowledged.length).toBeGreaterThan(0)
      const now = ids(await journal.handlers.listPeople({}))
      const backups = (await readdir(join(journal.dir, 'backups'))).filter((n) => n.startsWith('pre-restore-')).sort()
      const kept = readJournalText(await readFile(join(journal.dir, 'backups', backups.at(-1)!), 'utf8')).journal
      const keptIds = ids(kept.people)
      const lost = outcome.acknowledged.filter((id) => !now.has(id) && !keptIds.has(id))
      expect(lost).toEqual([])
      for (const message of outcome.refused) expect(message).toMatch(/restoring a backup/)
    }
  })

  it('moving the journal loses no acknowledged add: every one is in the journal at its new place', async () => {
    let target = ''
    const shell: ShellPort = {
      ...NO_SHELL,
      pickFolder: async () => target,
      rememberDataDir: async () => undefined,
      applySettings: () => undefined
    }
    journal = await openTempJournal(undefined, undefined, shell)
    await journal.handlers.createPerson({ person: { name: 'Ana García', company: 'Acme' } })
    const acknowledged: string[] = []
    const refused: string[] = []
    for (let round = 0; round < 3; round++) {
      target = await mkdtemp(join(tmpdir(), 'rapport-moved-'))
      folders.push(target)
      const outcome = await addWhile(journal, journal.handlers.moveJournal({}))
      acknowledged.push(...outcome.acknowledged)
      expect(journal.session.path).toBe(join(target, 'journal.json'))
      refused.push(...outcome.refused)
    }
    await journal.session.flush()
    const there = ids((await storedJournal(journal.session.path)).people)
    expect(acknowledged.filter((id) => !there.has(id))).toEqual([])
    for (const message of refused) expect(message).toMatch(/moving the journal/)
  })
})
