/**
 * The one API contract between the renderer and the main process: each call's name, the schema its single
 * argument must pass, and its result type. Main registers exactly these handlers, the preload exposes exactly
 * these methods, and both are type-checked against this file.
 */
import * as v from 'valibot'
import type { ApiResult } from './errors.ts'
import { IdSchema, PersonInputSchema, RemovedPersonSchema, strict } from './schema.ts'
import type { Person, RemovedPerson } from './schema.ts'

export const BackupNameSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.json$/, 'That is not the name of a backup file.')
)

const none = strict({})

/** Input schemas, one per call. Every call takes one object; unknown keys are refused. */
export const apiInputs = {
  /** Where the journal is and whether it could be read. */
  journalStatus: none,
  /** Read the journal file again (after the user fixed it by hand, say). */
  reopenJournal: none,
  /** Backups beside the journal, newest first, each checked for readability. */
  listBackups: none,
  /** Replace the journal with a backup; the current file is kept beside it, never deleted. */
  restoreBackup: strict({ name: BackupNameSchema }),
  listPeople: none,
  createPerson: strict({ person: PersonInputSchema }),
  updatePerson: strict({ id: IdSchema, person: PersonInputSchema }),
  deletePerson: strict({ id: IdSchema }),
  /** Undo of deletePerson: puts back exactly what it removed. */
  restorePerson: strict({ removed: RemovedPersonSchema })
} as const

export interface BackupInfo {
  name: string
  kind: 'daily' | 'weekly' | 'pre-migration' | 'pre-restore' | 'manual'
  createdAt: string
  sizeBytes: number
  /** Empty when the backup reads as a valid journal; otherwise why not. */
  problem: string
}

export type JournalStatus =
  | { state: 'ready'; file: string; people: number }
  | { state: 'unreadable'; file: string; problem: string; backups: BackupInfo[] }

/** What each call resolves to. */
export interface ApiResults {
  journalStatus: JournalStatus
  reopenJournal: JournalStatus
  listBackups: BackupInfo[]
  restoreBackup: JournalStatus
  listPeople: Person[]
  createPerson: Person
  updatePerson: Person
  deletePerson: RemovedPerson
  restorePerson: Person
}

export type ApiName = keyof typeof apiInputs
export type ApiInput<K extends ApiName> = v.InferInput<(typeof apiInputs)[K]>
export type ApiParsedInput<K extends ApiName> = v.InferOutput<(typeof apiInputs)[K]>

/** Calls that take no argument are called with none. */
type BridgeMethod<K extends ApiName> = [keyof ApiInput<K>] extends [never]
  ? () => Promise<ApiResult<ApiResults[K]>>
  : (input: ApiInput<K>) => Promise<ApiResult<ApiResults[K]>>

/** The object the preload exposes as `window.rapport`. */
export type RapportBridge = { [K in ApiName]: BridgeMethod<K> }

export const apiNames = Object.keys(apiInputs) as ApiName[]

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(apiInputs, name)
}
