import { flushSync } from 'svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Changes } from '../../src/renderer/src/state/changes.svelte.ts'
import type { RapportBridge } from '../../src/shared/api.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { addPeople, person, readJournalFile } from './journal-fixtures.ts'

let journal: TempJournal

beforeEach(async () => {
  journal = await openTempJournal()
})
afterEach(async () => {
  await journal.dispose()
})

describe('Changes', () => {
  it('counts a saved change and says so only when asked to', async () => {
    const changes = new Changes(journal.bridge)

    expect(await changes.run(() => journal.bridge.createPerson({ person: person('Anna') }))).toBe('')
    expect(changes.revision).toBe(1)
    expect(changes.toast).toBeNull()

    expect(
      await changes.run(() => journal.bridge.createPerson({ person: person('Bea') }), { saved: 'Bea added.' })
    ).toBe('')
    expect(changes.revision).toBe(2)
    expect(changes.toast).toEqual({ message: 'Bea added.', tone: 'info', undo: null })
  })

  it('returns the reason a change was refused, toasting it unless quiet, without counting it', async () => {
    const changes = new Changes(journal.bridge)

    const quiet = await changes.run(() => journal.bridge.createPerson({ person: person('') }), { quiet: true })
    expect(quiet).toMatch(/^Name is required/)
    expect(changes.toast).toBeNull()

    const loud = await changes.run(() => journal.bridge.createPerson({ person: person('x'.repeat(201)) }))
    expect(loud).toMatch(/^Name is too long \(at most 200 characters\)/)
    expect(changes.toast).toEqual({ message: loud, tone: 'error', undo: null })
    expect(changes.revision).toBe(0)
    expect((await readJournalFile(journal.file)).people).toEqual([])
  })

  it('offers Undo for a delete, and Undo puts back exactly what was removed', async () => {
    await addPeople(
      journal.bridge,
      ['Carl', 'Anna', 'Bea'].map((n) => person(n))
    )
    const before = await readJournalFile(journal.file)
    const anna = before.people[1]!
    const changes = new Changes(journal.bridge)

    await changes.remove(() => journal.bridge.deletePerson({ id: anna.id }))

    expect(changes.revision).toBe(1)
    expect(changes.toast).toMatchObject({ message: 'Anna was deleted.', tone: 'info', undo: { done: 'Anna is back.' } })
    expect((await readJournalFile(journal.file)).people.map((p) => p.name)).toEqual(['Carl', 'Bea'])

    await changes.undo()

    expect(changes.revision).toBe(2)
    expect(changes.toast).toEqual({ message: 'Anna is back.', tone: 'info', undo: null })
    expect(await readJournalFile(journal.file)).toEqual(before)
  })

  it('keeps the last Undo reachable once its toast is dismissed, and undoes it only once', async () => {
    const [anna] = await addPeople(journal.bridge, [person('Anna')])
    const changes = new Changes(journal.bridge)
    await changes.remove(() => journal.bridge.deletePerson({ id: anna!.id }))

    changes.dismiss()
    expect(changes.canUndo).toBe(true)
    await changes.undo()

    expect(changes.toast).toEqual({ message: 'Anna is back.', tone: 'info', undo: null })
    expect((await readJournalFile(journal.file)).people.map((p) => p.name)).toEqual(['Anna'])
    expect(changes.canUndo).toBe(false)
    await changes.undo()
    expect(changes.revision).toBe(2)
  })

  it('offers Undo for an edit, putting the previous version back through the same call', async () => {
    const [anna] = await addPeople(journal.bridge, [person('Anna')])
    const changes = new Changes(journal.bridge)
    const error = await changes.edit(
      () => journal.bridge.updatePerson({ id: anna!.id, patch: { company: 'Globex' } }),
      () => journal.bridge.updatePerson({ id: anna!.id, patch: { company: anna!.company } }),
      'Profile'
    )
    expect(error).toBeNull()
    expect(changes.toast).toMatchObject({ message: 'Profile saved.', undo: { done: 'Profile is back as it was.' } })
    expect((await readJournalFile(journal.file)).people[0]!.company).toBe('Globex')
    await changes.undo()
    expect((await readJournalFile(journal.file)).people[0]!.company).toBe(anna!.company)
  })

  it('reports a failed delete as an error with no Undo', async () => {
    const [anna] = await addPeople(journal.bridge, [person('Anna')])
    await journal.bridge.deletePerson({ id: anna!.id })
    const changes = new Changes(journal.bridge)

    await changes.remove(() => journal.bridge.deletePerson({ id: anna!.id }))

    expect(changes.toast).toEqual({ message: 'That person is no longer in the journal.', tone: 'error', undo: null })
    expect(changes.revision).toBe(0)
  })

  it('says why Undo failed and offers it no more', async () => {
    const [anna] = await addPeople(journal.bridge, [person('Anna')])
    const failing: RapportBridge = {
      ...journal.bridge,
      undoDelete: async () => ({ ok: false, error: { code: 'save-failed', message: 'The disk is full.' } })
    }
    const changes = new Changes(failing)
    await changes.remove(() => failing.deletePerson({ id: anna!.id }))

    await changes.undo()

    expect(changes.toast).toEqual({ message: 'Undo failed: The disk is full.', tone: 'error', undo: null })
    expect(changes.revision).toBe(1)
  })

  it('lets views react to each saved change through its revision', async () => {
    const changes = new Changes(journal.bridge)
    const seen: number[] = []
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(changes.revision)
      })
    })
    flushSync()

    await changes.run(() => journal.bridge.createPerson({ person: person('Anna') }))
    flushSync()
    await changes.run(() => journal.bridge.createPerson({ person: person('') }), { quiet: true })
    flushSync()
    await changes.run(() => journal.bridge.createPerson({ person: person('Bea') }))
    flushSync()
    stop()

    expect(seen).toEqual([0, 1, 2])
  })
})
