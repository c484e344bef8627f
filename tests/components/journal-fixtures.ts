/** Real journals for component tests: opened through the same core the app uses, in temp folders. */
import { readdir, utimes, writeFile } from 'node:fs/promises'
import { storedJournal } from '../support/files.ts'
import { join } from 'node:path'
import { render, screen, within } from '@testing-library/svelte'
import App from '../../src/renderer/src/App.svelte'
import { bridgeContext } from '../../src/renderer/src/lib/context.ts'
import type { RapportBridge } from '../../src/shared/api.ts'
import type { Command as AppCommand, RapportEvents } from '../../src/shared/app-commands.ts'
import type { Journal } from '../../src/shared/schema/journal.ts'
import type { NewPerson, Person } from '../../src/shared/schema/person.ts'
import { backupsFolder } from '../../src/core/journal/backups.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

/** Renders the whole app on `bridge`, starting at `hash` (the app keeps its route in the URL hash; '' for none). */
export function renderApp(bridge: RapportBridge, hash = '#/people', events?: RapportEvents): ReturnType<typeof render> {
  history.replaceState(null, '', hash || location.pathname)
  return render(App, { context: bridgeContext(bridge, events) })
}

/** Stands in for main's menu: `send` delivers a command to the page the way the preload's onCommand does. */
export function menuEvents(): RapportEvents & { send: (command: AppCommand, detail?: string) => void } {
  const listeners = new Set<(command: AppCommand, detail: string) => void>()
  return {
    onCommand: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    send: (command, detail = '') => listeners.forEach((listener) => listener(command, detail))
  }
}

/** The journal as stored: the snapshot with its change log replayed. */
export function readJournalFile(file: string): Promise<Journal> {
  return storedJournal(file)
}

/** Adds people through the real core and returns them as saved. */
export async function addPeople(bridge: RapportBridge, inputs: NewPerson[]): Promise<Person[]> {
  const saved: Person[] = []
  for (const person of inputs) {
    const result = await bridge.createPerson({ person })
    if (!result.ok) throw new Error(`could not add ${person.name}: ${result.error.message}`)
    saved.push(result.value)
  }
  return saved
}

export const person = (name: string, company = '', role = ''): NewPerson => ({ name, company, role })

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; set: (iso: string) => void } {
  let current = new Date(start)
  return { now: () => current, set: (iso) => (current = new Date(iso)) }
}

/** The names in the People list, top to bottom. */
export function listedNames(): string[] {
  const list = screen.getByRole('list', { name: 'People' })
  return within(list)
    .getAllByRole('link')
    .map((link) => link.querySelector('.name')?.firstChild?.textContent?.trim() ?? '')
}

export const TRUNCATED_JOURNAL = '{"schemaVersion": 2, "people": [{"id": "'

export interface UnreadableJournal {
  journal: TempJournal
  /** The exact bytes the unreadable journal.json held. */
  unreadableBytes: string
  /** The backups that hold the people. */
  goodBackups: string[]
}

/**
 * A journal that held `people`, was backed up with them, and was then damaged: a new session on the same
 * folder finds it unreadable. It is written one Monday and opened again the next, which takes that week's
 * daily and weekly backups of it; the first Monday's backups are dated back then, so the newest good backup
 * is one that holds the people.
 */
export async function unreadableJournalWith(inputs: NewPerson[]): Promise<UnreadableJournal> {
  const dir = await makeTempDir('rapport-components-')
  const first = await openTempJournal(dir, () => new Date('2026-03-02T10:00:00.000Z'))
  await addPeople(first.bridge, inputs)
  await first.session.close()
  const folder = backupsFolder(first.file)
  const earlier = await readdir(folder)
  const longAgo = new Date('2026-03-02T10:00:00.000Z')
  await Promise.all(earlier.map((name) => utimes(join(folder, name), longAgo, longAgo)))

  const second = await openTempJournal(dir, () => new Date('2026-03-09T10:00:00.000Z'))
  await second.session.close()
  const goodBackups = (await readdir(folder)).filter((name) => !earlier.includes(name))
  if (goodBackups.length === 0) throw new Error('unreadableJournalWith: reopening took no backups')

  await writeFile(first.file, TRUNCATED_JOURNAL)
  const journal = await openTempJournal(dir)
  return { journal, unreadableBytes: TRUNCATED_JOURNAL, goodBackups }
}
