/** rapport calendar add / list / remove, and today's meetings in rapport today — the built command. */
import { copyFile, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { minutesFrom, OWNER, writeCalendar } from '../support/calendar-files.ts'
import { folderSnapshot, foldersPerTest, rapportIn } from './cli-harness.ts'

const folders = foldersPerTest()
const FIXTURES = resolve(import.meta.dirname, '../fixtures/calendar')

/** A seeded journal and a calendar, beside it, with a call with Ana in ten minutes. */
async function withCalendar(): Promise<{ dir: string; file: string; calendar: string }> {
  const { dir, file } = await folders.journal()
  const now = new Date()
  const calendar = await writeCalendar(join(dir, 'work.ics'), [
    {
      uid: 'ana-call',
      title: 'Acme renewal call',
      start: minutesFrom(now, 10),
      attendees: [
        { name: 'Sam Rivera', email: OWNER, organizer: true },
        { name: 'Ana García', email: 'ana.garcia@acme.example' },
        { name: 'Luis Ortega', email: 'luis.ortega@acme.example' }
      ]
    }
  ])
  return { dir, file, calendar }
}

describe('rapport calendar', () => {
  it('adds calendar files, lists them with their events, and removes one, leaving the file alone', async () => {
    const { dir, calendar } = await withCalendar()
    const apple = join(dir, 'apple.ics')
    await copyFile(join(FIXTURES, 'apple.ics'), apple)
    const added = await rapportIn(dir, 'calendar', 'add', calendar, apple)
    expect(added).toMatchObject({ code: 0, stderr: '' })
    expect(added.stdout).toBe(`Added: ${calendar} (1 event)\nAdded: ${apple} (4 events)\n`)
    expect((await rapportIn(dir, 'calendar', 'add', calendar)).stdout).toBe(`Already there: ${calendar} (1 event)\n`)

    expect((await rapportIn(dir, 'calendar', 'list')).stdout).toBe(`${calendar}: 1 event\n${apple}: 4 events\n`)
    const listed = JSON.parse((await rapportIn(dir, 'calendar', 'list', '--json')).stdout) as unknown[]
    expect(listed).toMatchObject([
      { file: calendar, events: 1, problem: '' },
      { file: apple, events: 4, problem: '' }
    ])

    const before = await readFile(apple, 'utf8')
    expect((await rapportIn(dir, 'calendar', 'remove', apple)).stdout).toBe(
      `Removed: ${apple} (the file itself is untouched).\n`
    )
    expect((await rapportIn(dir, 'calendar', 'list')).stdout).toBe(`${calendar}: 1 event\n`)
    expect(await readFile(apple, 'utf8')).toBe(before)
  })

  it('refuses a file it cannot read, naming the file and line, and changes nothing', async () => {
    const { dir } = await withCalendar()
    const broken = join(dir, 'export.ics')
    await copyFile(join(FIXTURES, 'truncated.ics'), broken)
    const before = await folderSnapshot(dir)
    const run = await rapportIn(dir, 'calendar', 'add', broken)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `rapport: ${broken}, line 15: BEGIN:VEVENT is never ended: the file looks cut short (END:VEVENT is missing). The calendar was not added.\n`
    )
    expect(await folderSnapshot(dir)).toEqual(before)
  })

  it('refuses a web address, saying to export the file instead, without going online', async () => {
    const { dir } = await withCalendar()
    const before = await folderSnapshot(dir)
    const run = await rapportIn(dir, 'calendar', 'add', 'https://calendar.example.com/ical/sam/basic.ics')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^rapport: Rapport never goes online, .*Export the calendar from your calendar app as an \.ics file/
    )
    expect(await folderSnapshot(dir)).toEqual(before)
  })

  it('leaves the calendar files alone while Rapport has the journal open', async () => {
    const { dir, calendar } = await withCalendar()
    const app = await JournalSession.open(dir, { owner: 'app' })
    try {
      const run = await rapportIn(dir, 'calendar', 'add', calendar)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/open/)
      expect((await rapportIn(dir, 'calendar', 'list')).stdout).toMatch(/^No calendar files yet/)
    } finally {
      await app.close()
    }
  })
})

describe('rapport today with a calendar', () => {
  it('lists today’s meetings, with the people in the journal, beside the follow-ups', async () => {
    const { dir, calendar } = await withCalendar()
    await rapportIn(dir, 'calendar', 'add', calendar)
    const run = await rapportIn(dir, 'today')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toMatch(
      /\nMeetings \(1\)\n {2}(tomorrow )?\d\d:\d\d–\d\d:\d\d {2}Acme renewal call · Ana García, Luis Ortega \(not in Rapport\)\n\nOverdue/
    )
    const json = JSON.parse((await rapportIn(dir, 'today', '--json')).stdout) as {
      meetings: Array<{ title: string; people: Array<{ name: string }>; attendees: unknown[]; logged: boolean }>
      overdue: unknown[]
    }
    expect(json.meetings).toMatchObject([
      {
        title: 'Acme renewal call',
        people: [{ name: 'Ana García' }],
        attendees: [
          { name: 'Ana García', email: 'ana.garcia@acme.example', personName: 'Ana García', matchedBy: 'email' },
          { name: 'Luis Ortega', personId: null, matchedBy: null }
        ],
        logged: false
      }
    ])
    expect(json.overdue.length).toBeGreaterThan(0)
  })

  it('rapport brief names the next meeting with the person, above the blocks, as the app’s brief does', async () => {
    const { dir, calendar } = await withCalendar()
    await rapportIn(dir, 'calendar', 'add', calendar)
    const run = await rapportIn(dir, 'brief', 'Ana García')
    expect(run).toMatchObject({ code: 0, stderr: '' })
    const [, about, next, blank, firstBlock] = run.stdout.split('\n')
    expect(about).not.toMatch(/^Next meeting/)
    expect(next).toMatch(/^Next meeting: .+, \d\d:\d\d–\d\d:\d\d · Acme renewal call$/)
    expect([blank, firstBlock]).toEqual(['', 'Before you dial'])
    const json = JSON.parse((await rapportIn(dir, 'brief', 'Ana García', '--json')).stdout) as {
      nextMeeting: { title: string; allDay: boolean; withNames: string[] } | null
    }
    expect(json.nextMeeting).toMatchObject({ title: 'Acme renewal call', allDay: false, withNames: [] })

    // Nobody else is in a meeting: no line, and null in JSON.
    const other = await rapportIn(dir, 'brief', 'Kenji', '--json')
    expect(other.code).toBe(0)
    expect((JSON.parse(other.stdout) as { nextMeeting: unknown }).nextMeeting).toBeNull()
  })
})
