import { rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { flushSync } from 'svelte'
import { afterEach, describe, expect, it } from 'vitest'
import { backupsFolder } from '../../src/core/journal/backups.ts'
import { JournalState } from '../../src/renderer/src/state/journal.svelte.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { addPeople, person, unreadableJournalWith } from './journal-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  await journal?.dispose()
  journal = undefined
})

/** The status of a readable journal of two people, neither read-only nor protected. */
const readyWithTwo = (file: string) => ({
  state: 'ready',
  file,
  people: 2,
  readOnly: '',
  warning: '',
  protected: false
})

describe('JournalState', () => {
  it('starts with no status and is busy while the status loads', async () => {
    journal = await openTempJournal()
    await addPeople(journal.bridge, [person('Anna'), person('Bea')])
    const state = new JournalState(journal.bridge)
    expect(state.status).toBeNull()
    expect(state.busy).toBe(false)

    const loading = state.load()
    expect(state.busy).toBe(true)
    await loading

    expect(state.busy).toBe(false)
    expect(state.status).toEqual(readyWithTwo(journal.file))
    expect(state.error).toBe('')
    expect(state.newestGood).toBeNull()
  })

  it('offers the newest backup that reads as a journal, skipping newer unreadable ones', async () => {
    const damaged = await unreadableJournalWith([person('Anna')])
    journal = damaged.journal
    const bad = join(backupsFolder(journal.file), 'manual-2026-03-20T00-00-00-000Z.json')
    await writeFile(bad, '{}')
    const later = new Date(Date.now() + 60_000)
    await utimes(bad, later, later)
    const state = new JournalState(journal.bridge)

    await state.load()

    const status = state.status
    if (status?.state !== 'unreadable') throw new Error(`expected an unreadable journal, got ${status?.state}`)
    expect(status.problem).toBe('The file stops in the middle of the journal: it looks truncated.')
    expect(status.backups[0]).toMatchObject({
      name: 'manual-2026-03-20T00-00-00-000Z.json',
      problem: expect.stringMatching(/schemaVersion/)
    })
    expect(damaged.goodBackups).toContain(state.newestGood?.name)
    expect(state.newestGood).toEqual(status.backups.find((b) => b.problem === ''))
  })

  it('becomes ready after restoring a backup', async () => {
    const damaged = await unreadableJournalWith([person('Anna'), person('Bea')])
    journal = damaged.journal
    const state = new JournalState(journal.bridge)
    await state.load()

    await state.restore(state.newestGood!.name)

    expect(state.status).toEqual(readyWithTwo(journal.file))
    expect(state.newestGood).toBeNull()
    expect(state.busy).toBe(false)
  })

  it('keeps the status and shows the error when a restore fails, and clears it on the next success', async () => {
    const damaged = await unreadableJournalWith([person('Anna')])
    journal = damaged.journal
    const state = new JournalState(journal.bridge)
    await state.load()
    const before = state.status
    const name = damaged.goodBackups[0]!
    await rm(join(backupsFolder(journal.file), name))

    await state.restore(name)

    expect(state.error).toBe(`There is no backup called “${name}”.`)
    expect(state.status).toBe(before)
    expect(state.busy).toBe(false)

    await state.reopen()
    expect(state.error).toBe('')
    expect(state.status?.state).toBe('unreadable')
  })

  it('updates whatever reads it when the status changes', async () => {
    journal = await openTempJournal()
    const state = new JournalState(journal.bridge)
    const seen: string[] = []
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(`${state.status?.state ?? 'none'}${state.busy ? ' (busy)' : ''}`)
      })
    })
    flushSync()

    const loading = state.load()
    flushSync()
    await loading
    flushSync()
    stop()

    expect(seen).toEqual(['none', 'none (busy)', 'ready'])
  })
})
