/**
 * The handler table: one function per API call, typed from the shared contract. dispatch() is the single
 * door every call comes through (IPC, tests, the e2e server): it checks the name, validates the payload
 * against the call's schema, and turns failures into ApiErrors with a human message.
 */
import * as v from 'valibot'
import { apiInputs, isApiName } from '../../shared/api.ts'
import type { ApiName, ApiParsedInput, ApiResults } from '../../shared/api.ts'
import type { ApiResult } from '../../shared/errors.ts'
import { describeIssue } from '../../shared/schema.ts'
import type { JournalSession } from './journal-session.ts'
import { createPerson, deletePerson, listPeople, restorePerson, updatePerson } from './people.ts'
import { RapportError } from './rapport-error.ts'

export type Handlers = { [K in ApiName]: (input: ApiParsedInput<K>) => Promise<ApiResults[K]> }

export function createHandlers(session: JournalSession, now: () => Date = () => new Date()): Handlers {
  return {
    journalStatus: () => session.status(),
    reopenJournal: () => session.reopen(),
    listBackups: () => session.backups(),
    restoreBackup: ({ name }) => session.restoreBackup(name),
    listPeople: async () => listPeople(session.store().journal),
    createPerson: ({ person }) => createPerson(session.store(), person, now()),
    updatePerson: ({ id, person }) => updatePerson(session.store(), id, person, now()),
    deletePerson: ({ id }) => deletePerson(session.store(), id),
    restorePerson: ({ removed }) => restorePerson(session.store(), removed)
  }
}

export async function dispatch(handlers: Handlers, name: unknown, payload: unknown): Promise<ApiResult<unknown>> {
  if (!isApiName(name)) {
    return { ok: false, error: { code: 'invalid-input', message: `Rapport has no call named “${String(name).slice(0, 60)}”.` } }
  }
  if (!isPlainObject(payload ?? {})) {
    return { ok: false, error: { code: 'invalid-input', message: `Rapport refused a request to ${name}: it must be a plain object.` } }
  }
  const parsed = v.safeParse(apiInputs[name], payload ?? {})
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-input', message: describeIssue(parsed.issues[0]) } }
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.output) }
  } catch (error) {
    if (error instanceof RapportError) return { ok: false, error: error.toApiError() }
    console.error(`rapport: ${name} failed`, error)
    return { ok: false, error: { code: 'internal', message: `Something went wrong in Rapport (${describe(error)}). Your journal was not changed.` } }
  }
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
