/**
 * The command line's one way into a journal, the app's own: a JournalSession — read-only (no lock, nothing
 * written, so it works while Rapport is open) for the commands that only read, locked for the ones that
 * write — and the app's handlers on it, with the command line's arguments standing in for the app's dialogs.
 */
import { stat } from 'node:fs/promises'
import { constants } from 'node:os'
import { join } from 'node:path'
import type { ApiInput, ApiName, ApiResults, JournalStatus } from '../shared/api.ts'
import { call, openHandlers } from '../core/api/handlers.ts'
import { NO_SHELL } from '../core/api/shell-port.ts'
import type { ShellPort } from '../core/api/shell-port.ts'
import { JOURNAL_FILE, JournalSession } from '../core/journal/journal-session.ts'
import { RapportError } from '../core/rapport-error.ts'
import { CliError, EXIT_USAGE } from './cli-error.ts'
import type { PassphraseSource } from './passphrase-input.ts'

export interface CliJournal {
  session: JournalSession
  /** One of the app's calls, its argument checked by the contract's schema; failures are thrown. */
  call: <K extends ApiName>(name: K, input: ApiInput<K>) => Promise<ApiResults[K]>
}

export interface Access {
  mode: 'read' | 'write'
  /** The command means to change the journal (so a failure says nothing was); by default, when mode is write. */
  changes?: boolean
  /** Whether a folder with no journal yet is refused (NoJournal) rather than read as an empty journal. */
  mustExist: boolean
  /** The answers the app would get from its dialogs: a folder, a file to read, a file to write. */
  picks?: { folder?: string; file?: string; files?: string[]; saveAs?: string }
  now: Date
}

/**
 * Where this run's passphrase comes from (run.ts sets it from --passphrase-file and the environment before
 * the command runs): one per process, like the environment it is read from.
 */
let passphrases: PassphraseSource | null = null

export function usePassphrases(source: PassphraseSource): void {
  passphrases = source
}

export function journalPath(dataDir: string): string {
  return join(dataDir, JOURNAL_FILE)
}

/** Runs `work` with the journal open, and always closes it (releasing the lock of a writing command). */
export async function withJournal<T>(
  dataDir: string,
  access: Access,
  work: (journal: CliJournal) => Promise<T>
): Promise<T> {
  const path = journalPath(dataDir)
  // Checked first: opening for writing would create a journal, and a read of nothing helps no one.
  if (
    access.mustExist &&
    !(await stat(path).then(
      () => true,
      (error: unknown) => (error as NodeJS.ErrnoException).code !== 'ENOENT'
    ))
  )
    throw noJournal(path)
  // Before the lock is taken: a signal that comes while it is being taken must release it too.
  const stopOnSignals = access.mode === 'write' ? releaseLockOnSignals() : () => undefined
  let session: JournalSession
  try {
    session = await JournalSession.open(dataDir, {
      owner: 'cli',
      readOnly: access.mode === 'read',
      // A command appends its change and is gone: the app (or the log's limits) writes the next snapshot.
      compaction: { onClose: false }
    })
  } catch (error) {
    stopOnSignals()
    throw error
  }
  try {
    const status = await unlocked(session)
    if (status.state === 'unreadable') {
      const nothing = (access.changes ?? access.mode === 'write') ? ' Nothing was changed.' : ''
      // A link, a folder or a pipe: the problem says what to do; there is nothing to restore over it.
      if (!status.restorable)
        throw new CliError(`The journal at ${status.file} cannot be opened: ${status.problem}${nothing}`)
      throw new CliError(
        `The journal at ${status.file} cannot be read: ${status.problem}${nothing} Run “rapport doctor”, or open Rapport to restore a backup.`
      )
    }
    if (status.state === 'ready' && status.warning) process.stderr.write(`rapport: warning: ${status.warning}\n`)
    // The app's settings (how exported files link, the first day of the week) apply here too; only read.
    const handlers = await openHandlers(session, { now: () => access.now, shell: answers(access.picks ?? {}) })
    return await work({ session, call: (name, input) => call(handlers, name, input) })
  } finally {
    stopOnSignals()
    await session.close()
  }
}

/**
 * The session's status, a protected journal unlocked first with this run's passphrase. A wrong passphrase is
 * one line and exit 2, with nothing read or changed.
 */
export async function unlocked(session: JournalSession): Promise<JournalStatus> {
  const status = await session.status()
  if (status.state !== 'locked') return status
  const { file } = status
  if (!passphrases) throw new CliError(`rapport: the journal at ${file} is protected with a passphrase.`, EXIT_USAGE)
  try {
    return await session.unlock(await passphrases.current(file))
  } catch (error) {
    if (error instanceof RapportError && error.code === 'wrong-passphrase')
      throw new CliError(`rapport: ${error.message}`, EXIT_USAGE)
    throw error
  }
}

const SIGNALS = ['SIGINT', 'SIGHUP', 'SIGTERM'] as const

/**
 * Ctrl+C, a closed terminal or a kill ends the command at once, as the shell expects (exit 128 + the
 * signal's number), but never with the lock left behind: exiting runs the lock's release. A change whose
 * append was cut short was never confirmed; the next open drops it (docs/store.md).
 */
function releaseLockOnSignals(): () => void {
  const stop = (signal: (typeof SIGNALS)[number]) => {
    process.stderr.write(`rapport: stopped by ${signal}; the journal’s lock is released.\n`)
    process.exit(128 + constants.signals[signal])
  }
  for (const signal of SIGNALS) process.on(signal, stop)
  return () => {
    for (const signal of SIGNALS) process.off(signal, stop)
  }
}

/** A desktop whose dialogs answer with what the command line said; any other dialog is refused. */
function answers(picks: NonNullable<Access['picks']>): ShellPort {
  const { folder, file, files, saveAs } = picks
  return {
    ...NO_SHELL,
    ...(folder === undefined ? {} : { pickFolder: () => Promise.resolve(folder) }),
    ...(file === undefined ? {} : { pickFile: () => Promise.resolve(file) }),
    ...(files === undefined ? {} : { pickFiles: () => Promise.resolve(files) }),
    ...(saveAs === undefined ? {} : { pickSaveFile: () => Promise.resolve(saveAs) })
  }
}

/** There is no journal.json yet: commands that need one never create it. */
export class NoJournal extends CliError {
  override name = 'NoJournal'
}

export function noJournal(path: string): NoJournal {
  return new NoJournal(
    `No journal at ${path} yet. Open Rapport once, or point --data-dir (or RAPPORT_DATA_DIR) at the folder that holds journal.json.`
  )
}
