/**
 * People for the brief's rule tests, written through the real handlers on a fixed day (Wednesday 2 December
 * 2026), the day the examples were seen: a stale promise 401 days overdue, theirs 78 days late, a
 * deck due Sunday 6 December.
 */
import { afterEach, beforeEach } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import type { Direction } from '../../src/shared/schema/follow-up.ts'
import type { NewPerson } from '../../src/shared/schema/person.ts'
import { dayOffset, timeOffset } from './seed-journal.ts'
import { openTempJournal } from './temp-journal.ts'
import type { TempJournal } from './temp-journal.ts'

export const NOW = new Date(2026, 11, 2, 10)
export const day = (days: number) => dayOffset(NOW, days)
export const time = (days: number, hour = 10) => timeOffset(NOW, days, hour)

/** The brief's blocks, in the order the app and `rapport brief` show them. */
export const BRIEF_SECTIONS = [
  'Before you dial',
  'Talking points',
  'Open commitments',
  'What changed since last time',
  'Life outside work',
  'What drives them',
  'Open challenges',
  'Last conversations'
]

/**
 * A fresh journal on NOW for each test of the file, its dates written ISO (as if chosen in Settings) so the
 * expectations read plainly; `api()` is its handler table.
 */
export function journalOnDay(): { api: () => Handlers; journal: () => TempJournal } {
  let journal: TempJournal | undefined
  beforeEach(async () => {
    journal = await openTempJournal(undefined, () => NOW)
    await journal.handlers.updateSettings({ patch: { dateFormat: 'iso' } })
  })
  afterEach(() => journal?.dispose())
  const current = () => {
    if (!journal) throw new Error('journalOnDay: no journal outside a test')
    return journal
  }
  return { api: () => current().handlers, journal: current }
}

export async function personWith(api: Handlers, person: NewPerson): Promise<string> {
  return (await api.createPerson({ person })).id
}

export async function owes(api: Handlers, personId: string, title: string, dueIn: number, direction: Direction) {
  return api.addFollowUp({ followUp: { personId, title, dueDate: day(dueIn), direction, conversationId: null } })
}

export async function note(api: Handlers, personId: string, daysAgo: number, title: string, body: string) {
  return api.logConversation({
    conversation: { personIds: [personId], date: time(-daysAgo), channel: 'call', title, body },
    followUps: []
  })
}

export async function interest(
  api: Handlers,
  ownerId: string,
  label: string,
  category: 'sport' | 'food' | 'hobby' | 'family' | 'place' | 'media' | 'other' = 'sport'
) {
  return api.addInterest({ interest: { ownerId, label, category, note: '' } })
}
