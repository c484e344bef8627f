/** Real journals for component tests: opened through the same core the app uses, in temp folders. */
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { render } from '@testing-library/svelte'
import type { Component } from 'svelte'
import type { RapportBridge } from '../../src/shared/api.ts'
import type { Journal, Person, PersonInput } from '../../src/shared/schema.ts'
import { bridgeContext } from '../../src/renderer/src/lib/bridge-context.ts'
import { backupsFolder } from '../../src/main/core/backups.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

export function renderWith(component: Component, bridge: RapportBridge): ReturnType<typeof render> {
  return render(component, { context: bridgeContext(bridge) })
}

export async function readJournalFile(file: string): Promise<Journal> {
  return JSON.parse(await readFile(file, 'utf8')) as Journal
}

/** Adds people through the real core and returns them as saved. */
export async function addPeople(bridge: RapportBridge, inputs: PersonInput[]): Promise<Person[]> {
  const saved: Person[] = []
  for (const person of inputs) {
    const result = await bridge.createPerson({ person })
    if (!result.ok) throw new Error(`could not add ${person.name}: ${result.error.message}`)
    saved.push(result.value)
  }
  return saved
}

export const person = (name: string, company = '', role = ''): PersonInput => ({ name, company, role })

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; set: (iso: string) => void } {
  let current = new Date(start)
  return { now: () => current, set: (iso) => (current = new Date(iso)) }
}

export const TRUNCATED_JOURNAL = '{"schemaVersion": 1, "people": [{"id": "'

export interface UnreadableJournal {
  journal: TempJournal
  /** The exact bytes the unreadable journal.json held. */
  unreadableBytes: string
  /** The backups that hold `people` (written after they were added). */
  goodBackups: string[]
}

/**
 * A journal that held `people`, was backed up with them, and was then damaged: a new session on the same
 * folder finds it unreadable. Backups taken before the people were added are dated well in the past, so the
 * newest good backup is one that holds them.
 */
export async function unreadableJournalWith(inputs: PersonInput[]): Promise<UnreadableJournal> {
  const dir = await makeTempDir('rapport-components-')
  // Opened on one Monday (the empty journal's daily and weekly backups), changed the Monday after (new ones).
  const clock = manualClock('2026-03-02T10:00:00.000Z')
  const first = await openTempJournal(dir, clock.now)
  const emptyBackups = await readdir(backupsFolder(first.file))
  const longAgo = new Date('2026-03-02T10:00:00.000Z')
  await Promise.all(emptyBackups.map((name) => utimes(join(backupsFolder(first.file), name), longAgo, longAgo)))
  clock.set('2026-03-09T10:00:00.000Z')
  await addPeople(first.bridge, inputs)
  await first.session.close()
  const goodBackups = (await readdir(backupsFolder(first.file))).filter((name) => !emptyBackups.includes(name))

  await writeFile(first.file, TRUNCATED_JOURNAL)
  const journal = await openTempJournal(dir)
  return { journal, unreadableBytes: TRUNCATED_JOURNAL, goodBackups }
}
