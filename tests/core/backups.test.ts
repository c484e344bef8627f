import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isoWeek } from '../../src/core/journal/backups.ts'
import { readJson } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal | null = null
afterEach(async () => {
  await journal?.dispose()
  journal = null
})

const DAY = 86_400_000

describe('automatic backups', () => {
  it('keeps one a day for 7 days and one a week for 4 weeks while the app stays open', async () => {
    let clock = new Date('2026-10-01T09:00:00')
    journal = await openTempJournal(undefined, () => clock)
    for (let day = 0; day < 40; day++) {
      clock = new Date(new Date('2026-10-01T09:00:00').getTime() + day * DAY)
      await journal.handlers.createPerson({ person: { name: `Day ${day}`, company: '', role: '' } })
      // The day's backups are taken just after its first change is saved.
      await journal.session.flush()
    }
    const names = (await readdir(join(journal.dir, 'backups'))).sort()
    expect(names.filter((n) => n.startsWith('daily-'))).toEqual([
      'daily-2026-11-03.json',
      'daily-2026-11-04.json',
      'daily-2026-11-05.json',
      'daily-2026-11-06.json',
      'daily-2026-11-07.json',
      'daily-2026-11-08.json',
      'daily-2026-11-09.json'
    ])
    expect(names.filter((n) => n.startsWith('weekly-'))).toEqual([
      'weekly-2026-W43.json',
      'weekly-2026-W44.json',
      'weekly-2026-W45.json',
      'weekly-2026-W46.json'
    ])
    // A day's backup holds the journal as it was after that day's first change.
    const nov9 = (await readJson(join(journal.dir, 'backups', 'daily-2026-11-09.json'))) as {
      people: { name: string }[]
    }
    expect(nov9.people.at(-1)?.name).toBe('Day 39')
    for (const name of names) expect((await stat(join(journal.dir, 'backups', name))).mode & 0o777).toBe(0o600)
  })

  it('lists backups newest first with their kind and a verdict on each', async () => {
    journal = await openTempJournal()
    const backups = await journal.handlers.listBackups({})
    expect(backups.map((b) => b.kind).sort()).toEqual(['daily', 'weekly'])
    expect(backups.every((b) => b.problem === '' && b.sizeBytes > 0)).toBe(true)
  })

  it('refreshes today’s backup with the final state when the journal is closed', async () => {
    journal = await openTempJournal()
    await journal.handlers.createPerson({ person: { name: 'Last thing today', company: '', role: '' } })
    await journal.session.close()
    const [daily] = (await readdir(join(journal.dir, 'backups'))).filter((n) => n.startsWith('daily-'))
    const saved = (await readJson(join(journal.dir, 'backups', daily!))) as { people: { name: string }[] }
    expect(saved.people.map((p) => p.name)).toEqual(['Last thing today'])
  })

  it.each([
    ['2026-01-01T12:00:00', '2026-W01'],
    ['2026-12-31T12:00:00', '2026-W53'],
    ['2027-01-03T12:00:00', '2026-W53'],
    ['2027-01-04T12:00:00', '2027-W01'],
    ['2024-12-30T12:00:00', '2025-W01']
  ])('names the ISO week of %s as %s', (date, week) => {
    expect(isoWeek(new Date(date))).toBe(week)
  })
})
