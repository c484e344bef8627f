/**
 * Handlers for the calendar files: Today's meetings, the next meeting with someone, adding, removing and
 * reloading files, and the user's corrections of who an attendee is. The events are read from the files
 * every time; only the corrections (on the people) and the conversations logged reach the journal.
 */
import { resolve } from 'node:path'
import { MAX_CALENDAR_FILES, NEXT_MEETING_DAYS, WEB_CALENDAR, webCalendarRefusal } from '../../shared/calendar.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import { AttendeeMatcher } from '../calendar/attendee-match.ts'
import type { CalendarSource } from '../calendar/calendar-source.ts'
import { meetingsSoon, nextMeetingWith } from '../calendar/meetings.ts'
import type { MeetingContext } from '../calendar/meetings.ts'
import { localDay } from '../days.ts'
import { matchAttendee } from '../entries/attendee-matches.ts'
import { getById } from '../entries/collections.ts'
import type { JournalSession } from '../journal/journal-session.ts'
import { RapportError } from '../rapport-error.ts'
import type { AppSettings } from './data-handlers.ts'
import type { Handlers } from './handlers.ts'
import type { ShellPort } from './shell-port.ts'

export type CalendarHandlers = Pick<
  Handlers,
  | 'getMeetings'
  | 'nextMeetingWith'
  | 'calendarFiles'
  | 'addCalendarFiles'
  | 'checkCalendarFiles'
  | 'removeCalendarFile'
  | 'reloadCalendars'
  | 'matchAttendee'
>

export function createCalendarHandlers(
  session: JournalSession,
  now: () => Date,
  shell: ShellPort,
  settings: AppSettings,
  calendar: CalendarSource
): CalendarHandlers {
  // Matches depend on the people: one matcher per version of the journal, its answers cached.
  let matched: { journal: Journal; matcher: AttendeeMatcher } | null = null
  const files = () => settings.current().calendar.files
  /** Files picked in the dialog, as full paths, once each; a web address is refused, never fetched. */
  const pick = async (): Promise<string[] | null> => {
    const picked = await shell.pickFiles('Add calendar files', [
      { name: 'Calendar (.ics)', extensions: ['ics'] },
      { name: 'All files', extensions: ['*'] }
    ])
    const web = picked?.find((file) => WEB_CALENDAR.test(file))
    if (web) throw new RapportError('invalid-input', webCalendarRefusal(web))
    return picked && [...new Set(picked.map((file) => resolve(file)))]
  }
  const context = async (): Promise<MeetingContext> => {
    // Settings follow the journal when it moves: the files in use follow them.
    await calendar.use(files())
    const journal = session.store().journal
    if (matched?.journal !== journal) {
      const search = (text: string) => session.index().search({ text, limit: 5 }, now()).groups
      matched = { journal, matcher: new AttendeeMatcher(journal, search) }
    }
    const me = new Set([...settings.current().calendar.myEmails, ...calendar.ownerEmails()])
    return { journal, matcher: matched.matcher, me, now: now() }
  }
  return {
    getMeetings: async () => {
      // The context first: it reads the files the settings name, the first time.
      const found = await context()
      return {
        today: localDay(found.now),
        meetings: meetingsSoon(calendar.occurrences(), found),
        files: calendar.status()
      }
    },
    nextMeetingWith: async ({ id }) => {
      const found = await context()
      const person = getById(found.journal.people, id, 'person')
      return nextMeetingWith(calendar.occurrences(NEXT_MEETING_DAYS), found, person)
    },
    calendarFiles: async () => {
      await calendar.use(files())
      return calendar.status()
    },
    addCalendarFiles: async () => {
      const picked = await pick()
      if (!picked) return { canceled: true }
      await calendar.use(files())
      const added = picked.filter((file) => !files().includes(file))
      if (files().length + added.length > MAX_CALENDAR_FILES)
        throw new RapportError(
          'invalid-input',
          `Rapport reads at most ${MAX_CALENDAR_FILES} calendar files; remove one first.`
        )
      // Each is read before anything is saved: a file that cannot be read is refused, naming its line.
      for (const file of added) await calendar.add(file)
      await settings.save({ calendar: { ...settings.current().calendar, files: [...files(), ...added] } })
      return { canceled: false, added, files: calendar.status() }
    },
    checkCalendarFiles: async () => {
      const picked = await pick()
      if (!picked) return { canceled: true }
      return { canceled: false, files: await Promise.all(picked.map((file) => calendar.check(file))) }
    },
    removeCalendarFile: async ({ file }) => {
      if (!files().includes(file)) throw new RapportError('not-found', `${file} is not one of the calendar files.`)
      await settings.save({ calendar: { ...settings.current().calendar, files: files().filter((f) => f !== file) } })
      await calendar.use(files())
      return calendar.status()
    },
    reloadCalendars: async () => {
      await calendar.use(files())
      return calendar.reload()
    },
    matchAttendee: ({ attendee, personId, is }) => matchAttendee(session.store(), attendee, personId, is, now())
  }
}
