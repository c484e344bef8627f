/**
 * The open journal: its current data in memory (lowdb) and the file it is saved to. Changes run one at a
 * time: each is applied to a copy and checked, becomes the current data, and is written durably; if the
 * write fails the previous data is put back, and the change's caller hears of it only once it is on disk.
 */
import { Low } from 'lowdb'
import { chmod, mkdir, readdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { emptyJournal } from '../../shared/schema/journal.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import { rotateBackups, writeBackup } from './backups.ts'
import { JournalFile, serializeJournal } from './journal-file.ts'
import { isTempFileOf, PRIVATE_FILE_MODE } from './durable-write.ts'
import { checkChange } from './change-check.ts'
import { RapportError } from '../rapport-error.ts'

export interface StoreOptions {
  /** The clock, so that backup rotation can be tested across days. */
  now?: () => Date
  /**
   * Reads the file and never writes: no backups, no migration written back, changes refused. For commands
   * that only read, and may do so while the app has the journal open (they take no lock).
   */
  readOnly?: boolean
}

export class JournalStore {
  #db: Low<Journal>
  #file: JournalFile
  #path: string
  #now: () => Date
  /** The one write queue: every change, and so every write, waits for the one before. */
  #queue: Promise<unknown> = Promise.resolve()
  #rotatedOn = ''
  #listeners: Array<(journal: Journal) => void> = []
  readonly readOnly: boolean

  private constructor(path: string, now: () => Date, readOnly: boolean) {
    this.#path = path
    this.#now = now
    this.readOnly = readOnly
    this.#file = new JournalFile(path)
    this.#db = new Low(this.#file, emptyJournal())
  }

  /**
   * Opens (or creates) the journal at `path`. Throws JournalProblem, without writing anything, when the
   * file exists but cannot be read. The caller must hold the journal's lock, unless it opens read-only
   * (then a missing file reads as an empty journal, and nothing is created).
   */
  static async open(path: string, options: StoreOptions = {}): Promise<JournalStore> {
    const now = options.now ?? (() => new Date())
    const store = new JournalStore(path, now, options.readOnly ?? false)
    if (store.readOnly) {
      await store.#db.read()
      return store
    }
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    await removeStaleTempFiles(path)
    await store.#db.read()
    const migrated = store.#file.migrated
    if (!store.found) {
      // There was no file: the empty journal is written now, so the next open finds one.
      await store.#db.write()
    } else if (migrated) {
      await writeBackup(path, 'pre-migration', migrated.text, now())
      await store.#db.write()
    } else {
      await chmod(path, PRIVATE_FILE_MODE)
    }
    await store.#rotateOncePerDay()
    return store
  }

  get path(): string {
    return this.#path
  }

  /** SHA-256 of the journal file as this store last read or wrote it (the saved search index is keyed by it). */
  get fileHash(): string {
    return this.#file.hash
  }

  /** Whether the file was there when the store opened (a read-only store of a missing file is empty). */
  get found(): boolean {
    return this.#file.hash !== ''
  }

  /** The schema version the file was written in, when it was older than this build's; null otherwise. */
  get migratedFrom(): number | null {
    return this.#file.migrated?.from ?? null
  }

  /** The current, saved journal. Treat as read-only: changes go through change(). */
  get journal(): Journal {
    return this.#db.data
  }

  /**
   * Applies one change. `produce` returns the next journal (sharing what it did not change) and a result;
   * the promise resolves once the change is durable on disk, and rejects, leaving nothing changed, if the
   * change is invalid or cannot be saved.
   */
  change<T>(produce: (current: Journal) => { next: Journal; result: T }): Promise<T> {
    if (this.readOnly)
      return Promise.reject(new RapportError('forbidden', `The journal at ${this.#path} is open read-only here.`))
    const run = async (): Promise<T> => {
      const previous = this.#db.data
      const { next, result } = produce(previous)
      const valid = checkOrRefuse(previous, next)
      this.#db.data = valid
      try {
        await this.#db.write()
      } catch (error) {
        this.#db.data = previous
        throw new RapportError(
          'save-failed',
          `Rapport could not save the journal to ${this.#path}: ${describe(error)}. Nothing was changed.`
        )
      }
      for (const listener of this.#listeners) listener(valid)
      await this.#rotateOncePerDay()
      return result
    }
    const done = this.#queue.then(run)
    this.#queue = done.catch(() => undefined)
    return done
  }

  /** Long-running sessions still get their daily and weekly backups; checked once per calendar day. */
  async #rotateOncePerDay(): Promise<void> {
    const now = this.#now()
    if (now.toDateString() === this.#rotatedOn) return
    this.#rotatedOn = now.toDateString()
    // A failed backup must not fail the user's change, which is already saved.
    await rotateBackups(this.#path, () => serializeJournal(this.#db.data), now).catch(() => undefined)
  }

  /** Calls `listener` with the new journal after each saved change (the search index keeps up this way). */
  onChange(listener: (journal: Journal) => void): void {
    this.#listeners.push(listener)
  }

  /** Resolves when every change asked for so far has been saved or has failed. */
  async flush(): Promise<void> {
    await this.#queue
  }

  /**
   * Saves what is pending and refreshes today's backup with the final state, so that a file damaged
   * while Rapport was closed can be restored without losing the last session's work.
   */
  async close(): Promise<void> {
    await this.flush()
    if (this.readOnly) return
    await writeBackup(this.#path, 'daily', serializeJournal(this.#db.data), this.#now()).catch(() => undefined)
  }
}

/** Temp files from a writer that died mid-write; the journal itself is always whole. */
async function removeStaleTempFiles(path: string): Promise<void> {
  const names = await readdir(dirname(path))
  await Promise.all(
    names.filter((name) => isTempFileOf(path, name)).map((name) => rm(join(dirname(path), name), { force: true }))
  )
}

/** The change's items are checked, and the very objects kept: the search index tells changes apart by identity. */
function checkOrRefuse(previous: Journal, next: Journal): Journal {
  try {
    checkChange(previous, next)
    return next
  } catch (error) {
    throw new RapportError('invalid-input', `That change would make the journal invalid. ${describe(error)}`)
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message
  return String(error)
}
