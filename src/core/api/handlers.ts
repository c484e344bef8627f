/**
 * The handler table: one function per API call, typed from the shared contract. dispatch() is the single
 * door every call from the app comes through (IPC, tests, the e2e server): it checks the name, validates the
 * payload against the call's schema (call(), which the command line uses too), and turns failures into
 * ApiErrors with a human message.
 */
import { dirname } from 'node:path'
import * as v from 'valibot'
import { apiInputs, isApiName } from '../../shared/api.ts'
import type { ApiName, ApiParsedInput, ApiResults } from '../../shared/api.ts'
import type { ApiResult } from '../../shared/errors.ts'
import { describeIssue, shorten } from '../../shared/schema/common.ts'
import { todayView } from '../views/agenda.ts'
import { buildBrief } from '../views/brief.ts'
import {
  addChallenge,
  addValue,
  deleteChallenge,
  deleteValue,
  updateChallenge,
  updateValue
} from '../entries/challenges.ts'
import { deleteConversation, logConversation, updateConversation } from '../entries/conversations.ts'
import { addFollowUp, completeFollowUp, deleteFollowUp, reopenFollowUp, updateFollowUp } from '../entries/follow-ups.ts'
import { addInterest, deleteInterest, interestsOf, peopleWithInterest, updateInterest } from '../entries/interests.ts'
import type { JournalSession } from '../journal/journal-session.ts'
import { updateMe } from '../entries/me.ts'
import { createPerson, deletePerson, listPeople, updatePerson } from '../entries/people.ts'
import { personPage } from '../views/person-page.ts'
import { peopleOverview } from '../views/people-overview.ts'
import { quickCapture } from '../entries/quick-capture.ts'
import { createDataHandlers } from './data-handlers.ts'
import { createCalendarHandlers } from './calendar-handlers.ts'
import { CalendarSource } from '../calendar/calendar-source.ts'
import { RapportError } from '../rapport-error.ts'
import { describeFsFailure, isFsError } from '../fs-errors.ts'
import { SettingsFile } from '../journal/settings-file.ts'
import { NO_SHELL } from './shell-port.ts'
import type { ShellPort } from './shell-port.ts'
import { restoreRemoved } from '../entries/removal.ts'
import type { Taken } from '../../shared/schema/removed.ts'
import { UndoTickets } from './undo-tickets.ts'

export type Handlers = { [K in ApiName]: (input: ApiParsedInput<K>) => Promise<ApiResults[K]> }

export interface HandlerOptions {
  /** The clock; tests set it. */
  now?: () => Date
  /** Native dialogs and settings effects; absent in the CLI and in unit tests. */
  shell?: ShellPort
  /** The app's settings file; without one, settings are the defaults and cannot be saved. */
  settings?: SettingsFile
  /** The calendar files, read (and in the app, watched) apart from the journal; one is made when absent. */
  calendar?: CalendarSource
}

export function createHandlers(session: JournalSession, options: HandlerOptions = {}): Handlers {
  const now = options.now ?? (() => new Date())
  const store = () => session.store()
  const journal = () => session.store().journal
  const settings = options.settings ?? SettingsFile.inMemory()
  const shell = options.shell ?? NO_SHELL
  const data = createDataHandlers(session, now, shell, settings)
  const calendar = options.calendar ?? new CalendarSource({ now })
  const undo = new UndoTickets()
  const ticketed = async (taken: Promise<Taken>) => undo.issue(await taken)
  return {
    ...data.handlers,
    ...createCalendarHandlers(session, now, shell, data.settings, calendar),
    journalStatus: () => session.status(),
    reopenJournal: () => session.reopen(),
    listBackups: () => session.backups(),
    restoreBackup: ({ name }) => session.restoreBackup(name),
    unlockJournal: ({ passphrase }) => session.unlock(passphrase),
    lockJournal: () => {
      // What Undo keeps is journal data too: it goes with the key.
      undo.clear()
      return session.lock()
    },
    setPassphrase: ({ passphrase }) => session.protect(passphrase),
    removePassphrase: () => session.protect(null),

    getToday: async () => {
      const { firstDayOfWeek, dateFormat } = data.settings.current()
      return todayView(journal(), now(), firstDayOfWeek, dateFormat)
    },
    listPeople: async () => listPeople(journal()),
    peopleOverview: async () => peopleOverview(journal(), now()),
    getPersonPage: async ({ id }) => personPage(journal(), id, now()),
    createPerson: ({ person }) => createPerson(store(), person, now()),
    updatePerson: ({ id, patch }) => updatePerson(store(), id, patch, now()),
    deletePerson: ({ id }) => ticketed(deletePerson(store(), id)),
    undoDelete: async ({ removed }) => {
      const issued = undo.take(removed)
      try {
        await restoreRemoved(store(), issued)
      } catch (error) {
        undo.restore(issued)
        throw error
      }
      return true
    },

    logConversation: ({ conversation, followUps }) => logConversation(store(), conversation, followUps, now()),
    updateConversation: ({ id, conversation }) => updateConversation(store(), id, conversation, now()),
    quickCapture: (capture) => quickCapture(store(), capture, now()),
    deleteConversation: ({ id }) => ticketed(deleteConversation(store(), id)),

    addInterest: ({ interest }) => addInterest(store(), interest, now()),
    updateInterest: ({ id, interest }) => updateInterest(store(), id, interest),
    deleteInterest: ({ id }) => ticketed(deleteInterest(store(), id)),
    peopleWithInterest: async ({ label }) => peopleWithInterest(journal(), label),

    addChallenge: ({ challenge }) => addChallenge(store(), challenge, now()),
    updateChallenge: ({ id, challenge }) => updateChallenge(store(), id, challenge, now()),
    deleteChallenge: ({ id }) => ticketed(deleteChallenge(store(), id)),
    addValue: ({ value }) => addValue(store(), value, now()),
    updateValue: ({ id, value }) => updateValue(store(), id, value),
    deleteValue: ({ id }) => ticketed(deleteValue(store(), id)),

    addFollowUp: ({ followUp }) => addFollowUp(store(), followUp, now()),
    updateFollowUp: ({ id, followUp }) => updateFollowUp(store(), id, followUp, now()),
    completeFollowUp: ({ id, on }) => completeFollowUp(store(), id, on, now()),
    reopenFollowUp: ({ id }) => reopenFollowUp(store(), id, now()),
    deleteFollowUp: ({ id }) => ticketed(deleteFollowUp(store(), id)),

    getBrief: async ({ id }) => buildBrief(journal(), id, now(), { dateFormat: data.settings.current().dateFormat }),
    search: async ({ query }) => session.index().search(query, now()),
    getMe: async () => ({ me: journal().me, interests: interestsOf(journal(), 'me') }),
    updateMe: ({ me }) => updateMe(store(), me)
  }
}

/** The handlers with the app's settings, read from beside the session's journal: the command line's way in. */
export async function openHandlers(
  session: JournalSession,
  options: Omit<HandlerOptions, 'settings'> = {}
): Promise<Handlers> {
  return createHandlers(session, { ...options, settings: await SettingsFile.open(dirname(session.path)) })
}

/**
 * Checks one call's argument against its schema and runs the handler: the app's dispatch() and the command
 * line both come in here. Failures are thrown as they are (a refused argument as a RapportError).
 */
export async function call<K extends ApiName>(handlers: Handlers, name: K, payload: unknown): Promise<ApiResults[K]> {
  if (!isPlainObject(payload ?? {}))
    throw new RapportError('invalid-input', `Rapport refused a request to ${name}: it must be a plain object.`)
  const parsed = v.safeParse(apiInputs[name], payload ?? {})
  if (!parsed.success) {
    const issue = parsed.issues[0]
    throw new RapportError('invalid-input', describeIssue(issue), shorten(v.getDotPath(issue) ?? ''))
  }
  const handler = handlers[name] as (input: unknown) => Promise<ApiResults[K]>
  return handler(parsed.output)
}

/** The IPC door: any name and payload in, an ApiResult out; unexpected failures are logged, never thrown. */
export async function dispatch(handlers: Handlers, name: unknown, payload: unknown): Promise<ApiResult<unknown>> {
  if (!isApiName(name)) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: `Rapport has no call named “${String(name).slice(0, 60)}”.` }
    }
  }
  try {
    return { ok: true, value: await call(handlers, name, payload) }
  } catch (error) {
    if (error instanceof RapportError) return { ok: false, error: error.toApiError() }
    console.error(`rapport: ${name} failed`, error)
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Something went wrong in Rapport (${describe(error)}). Your journal was not changed.`
      }
    }
  }
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function describe(error: unknown): string {
  if (isFsError(error)) return describeFsFailure(error)
  return error instanceof Error ? error.message : String(error)
}
