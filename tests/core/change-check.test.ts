import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Journal } from '../../src/shared/schema/journal.ts'
import { storedFilesHash } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal
let anaId = ''
beforeEach(async () => {
  journal = await openTempJournal()
  anaId = (await journal.handlers.createPerson({ person: { name: 'Ana' } })).id
  await journal.handlers.addFollowUp({
    followUp: { personId: anaId, title: 'Call back', dueDate: '2026-12-01', direction: 'i-owe', conversationId: null }
  })
})
afterEach(() => journal.dispose())

/** Applies a raw change to the store, bypassing the API, as a buggy rule would. */
async function attempt(produce: (j: Journal) => Journal): Promise<unknown> {
  const before = await storedFilesHash(journal.file)
  const error = await journal.session
    .store()
    .change((j) => ({ next: produce(j), result: null }))
    .then(
      () => null,
      (e: unknown) => e
    )
  expect(await storedFilesHash(journal.file)).toBe(before)
  return error
}

describe('every change is checked before it is saved', () => {
  it('refuses an item that breaks the schema', async () => {
    const error = await attempt((j) => ({
      ...j,
      people: [...j.people, { ...j.people[0]!, id: 'person-0002', name: '' }]
    }))
    expect(error).toMatchObject({ code: 'invalid-input' })
  })

  it('refuses a second item with an existing id', async () => {
    const error = await attempt((j) => ({ ...j, people: [...j.people, { ...j.people[0]!, name: 'Twin' }] }))
    expect((error as Error).message).toMatch(/share one id/)
  })

  it('refuses a follow-up for someone who is not in the journal', async () => {
    const error = await attempt((j) => ({
      ...j,
      followUps: [...j.followUps, { ...j.followUps[0]!, id: 'followup-0002', personId: 'nobody-0001' }]
    }))
    expect((error as Error).message).toMatch(/person who is not in the journal/)
  })

  it('refuses to delete a person whose follow-ups would be left behind', async () => {
    const error = await attempt((j) => ({ ...j, people: [] }))
    expect((error as Error).message).toMatch(/person who is not in the journal/)
  })

  it('refuses an unknown top-level key', async () => {
    const error = await attempt((j) => ({ ...j, extra: [] }) as Journal)
    expect(error).toMatchObject({ code: 'invalid-input' })
  })

  it('keeps the very objects it was given, so the search index can tell what changed', async () => {
    const store = journal.session.store()
    const before = store.journal
    await journal.handlers.updatePerson({ id: anaId, patch: { role: 'CFO' } })
    expect(store.journal.followUps).toBe(before.followUps)
    expect(store.journal.people[0]).not.toBe(before.people[0])
  })
})
