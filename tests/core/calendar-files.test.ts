/**
 * The calendar files themselves: picked in a dialog (one or several), refused when they cannot be read or
 * are on the web, read again on Reload and — when watched, as the app does — soon after they change on disk.
 * A file that breaks keeps what it held, and says where it broke. Tests wait for the source's 'change'
 * event, never for a time.
 */
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CalendarSource } from '../../src/core/calendar/calendar-source.ts'
import { minutesFrom, writeCalendar } from '../support/calendar-files.ts'
import type { TestMeeting } from '../support/calendar-files.ts'
import { sha256 } from '../support/files.ts'
import { PickingShell } from '../support/picking-shell.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const FIXTURES = join(import.meta.dirname, '../fixtures/calendar')
const NOW = new Date(2025, 2, 11, 9, 50)
const marta = { name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' }
const call = (title: string, minutes = 10): TestMeeting => ({
  uid: `uid-${title.replace(/\W+/g, '-')}`,
  title,
  start: minutesFrom(NOW, minutes),
  attendees: [marta]
})

let journal: TempJournal
let shell: PickingShell

beforeEach(async () => {
  shell = new PickingShell()
  journal = await openTempJournal(undefined, () => NOW, shell)
})
afterEach(() => journal.dispose())

const settingsFile = () =>
  readFile(join(journal.dir, 'settings.json'), 'utf8').then(
    (text) => JSON.parse(text) as { calendar: { files: string[] } }
  )

describe('adding calendar files', () => {
  it('adds several files picked at once, reads them, and keeps them in the settings', async () => {
    const work = await writeCalendar(join(journal.dir, 'work.ics'), [call('Pricing call')])
    const google = join(journal.dir, 'google.ics')
    await copyFile(join(FIXTURES, 'google.ics'), google)
    shell.files = [work, google]
    const result = await journal.handlers.addCalendarFiles({})
    expect(result).toMatchObject({ canceled: false, added: [work, google] })
    expect(await journal.handlers.calendarFiles({})).toEqual([
      { file: work, events: 1, readAt: NOW.toISOString(), problem: '' },
      { file: google, events: 6, readAt: NOW.toISOString(), problem: '' }
    ])
    expect((await settingsFile()).calendar.files).toEqual([work, google])
    // Picked again: not added twice.
    expect(await journal.handlers.addCalendarFiles({})).toMatchObject({ added: [] })
  })

  it('refuses a file it cannot read, naming the file and line, and adds none of the files picked with it', async () => {
    const work = await writeCalendar(join(journal.dir, 'work.ics'), [call('Pricing call')])
    const truncated = join(journal.dir, 'export.ics')
    await copyFile(join(FIXTURES, 'truncated.ics'), truncated)
    shell.files = [work, truncated]
    await expect(journal.handlers.addCalendarFiles({})).rejects.toThrow(
      `${truncated}, line 15: BEGIN:VEVENT is never ended: the file looks cut short (END:VEVENT is missing). The calendar was not added.`
    )
    expect(await journal.handlers.calendarFiles({})).toEqual([])
    expect((await readFile(join(journal.dir, 'settings.json'), 'utf8').catch(() => '{}')).includes('work.ics')).toBe(
      false
    )
  })

  it.runIf(process.platform !== 'win32')(
    'refuses a named pipe or a folder at once, naming what it is, instead of waiting on it',
    async () => {
      const pipe = join(journal.dir, 'shared.ics')
      execFileSync('mkfifo', [pipe])
      shell.files = [pipe]
      await expect(journal.handlers.addCalendarFiles({})).rejects.toThrow(
        `${pipe}: it is a named pipe (FIFO), not a calendar file. The calendar was not added.`
      )
      const folder = join(journal.dir, 'calendars.ics')
      await mkdir(folder)
      shell.files = [folder]
      await expect(journal.handlers.addCalendarFiles({})).rejects.toThrow(
        `${folder}: it is a folder, not a calendar file. The calendar was not added.`
      )
      expect(await journal.handlers.calendarFiles({})).toEqual([])
    }
  )

  it('refuses a web address with the way to do it instead, and never fetches it', async () => {
    shell.files = ['webcal://calendar.example/sam/work.ics']
    await expect(journal.handlers.addCalendarFiles({})).rejects.toThrow(
      /never goes online.*Export the calendar from your calendar app as an \.ics file/
    )
    expect(await journal.handlers.calendarFiles({})).toEqual([])
  })

  it('keeps the files out of reach of a settings patch, and removes one on request', async () => {
    const work = await writeCalendar(join(journal.dir, 'work.ics'), [call('Pricing call')])
    shell.files = [work]
    await journal.handlers.addCalendarFiles({})
    const settings = await journal.handlers.updateSettings({
      patch: {
        calendar: { files: ['/etc/passwd'], myEmails: ['Sam@Rivera.example'], notify: { enabled: true, minutes: 5 } }
      }
    })
    expect(settings.calendar).toEqual({
      files: [work],
      myEmails: ['sam@rivera.example'],
      notify: { enabled: true, minutes: 5 }
    })
    expect(await journal.handlers.removeCalendarFile({ file: work })).toEqual([])
    expect((await settingsFile()).calendar.files).toEqual([])
    await expect(journal.handlers.removeCalendarFile({ file: work })).rejects.toThrow(
      /is not one of the calendar files/
    )
  })
})

describe('on launch', () => {
  it('reads the files the settings name when first asked, in a journal opened again', async () => {
    const file = await writeCalendar(join(journal.dir, 'work.ics'), [call('Pricing call')])
    shell.files = [file]
    await journal.handlers.addCalendarFiles({})
    await journal.session.close()
    const again = await openTempJournal(journal.dir, () => NOW)
    try {
      expect((await again.handlers.getMeetings({})).meetings.map((m) => [m.title, m.people.length])).toEqual([
        ['Pricing call', 0]
      ])
      expect(await again.handlers.calendarFiles({})).toEqual([
        { file, events: 1, readAt: NOW.toISOString(), problem: '' }
      ])
    } finally {
      await again.session.close()
    }
  })

  it('says how picked files would read without adding them', async () => {
    const broken = join(journal.dir, 'export.ics')
    await copyFile(join(FIXTURES, 'hand-edited.ics'), broken)
    shell.files = [broken]
    expect(await journal.handlers.checkCalendarFiles({})).toEqual({
      canceled: false,
      files: [
        {
          file: broken,
          events: 0,
          readAt: null,
          problem: `${broken}, line 10: “Remember to bring the two pricing options” is not a calendar line (NAME:value).`
        }
      ]
    })
    expect(await journal.handlers.calendarFiles({})).toEqual([])
  })
})

describe('reading files again', () => {
  it('reads the file again on Reload, and keeps what it held when an edit breaks it', async () => {
    const file = await writeCalendar(join(journal.dir, 'work.ics'), [call('Pricing call')])
    shell.files = [file]
    await journal.handlers.addCalendarFiles({})
    await writeCalendar(file, [call('Pricing call'), call('Contract review', 60)])
    expect(await journal.handlers.reloadCalendars({})).toMatchObject([{ events: 2, problem: '' }])
    const titles = async () => (await journal.handlers.getMeetings({})).meetings.map((m) => m.title)
    expect(await titles()).toEqual(['Pricing call', 'Contract review'])

    const good = await sha256(file)
    await writeFile(file, (await readFile(file, 'utf8')).replace('SUMMARY:Contract review', 'Contract review'))
    const [status] = await journal.handlers.reloadCalendars({})
    expect(status).toMatchObject({ events: 2, readAt: NOW.toISOString() })
    expect(status!.problem).toMatch(/^work\.ics, line \d+: “Contract review” is not a calendar line \(NAME:value\)\.$/)
    expect(await titles()).toEqual(['Pricing call', 'Contract review'])
    expect((await journal.handlers.getMeetings({})).files[0]!.problem).toBe(status!.problem)
    expect(await sha256(file)).not.toBe(good)
  })

  it('reads a watched file again soon after it changes on disk, or is replaced, and says so with an event', async () => {
    const file = await writeCalendar(join(journal.dir, 'work.ics'), [call('Pricing call')])
    const source = new CalendarSource({ now: () => NOW, watch: true, debounceMs: 20 })
    try {
      await source.use([file])
      expect(source.occurrences().map((o) => o.title)).toEqual(['Pricing call'])

      const titles = () => source.occurrences().map((o) => o.title)
      /** Reads come in on the source's events; a write seen half-done is read again when it ends. */
      const readAs = async (expected: string[]) => {
        while (JSON.stringify(titles()) !== JSON.stringify(expected))
          expect(await once(source, 'change')).toEqual([file])
      }
      await writeCalendar(file, [call('Pricing call, moved', 40)])
      await readAs(['Pricing call, moved'])

      // Sync tools and editors write a new file and rename it over the old one.
      await writeCalendar(`${file}.tmp`, [call('Quarterly review', 120)])
      await rename(`${file}.tmp`, file)
      await readAs(['Quarterly review'])
      expect(source.status()).toEqual([{ file, events: 1, readAt: NOW.toISOString(), problem: '' }])
    } finally {
      source.close()
    }
  })
})
