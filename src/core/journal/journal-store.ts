/**
 * The open journal: its current data in memory (lowdb), the snapshot file lowdb writes, and the change log
 * beside it. Changes run one at a time: each is applied to a copy and checked, its difference appended to
 * the log and fsynced, and only then does the copy become the current data and the caller hear of it. Now
 * and then (a big log, an idle spell, closing) the data is written as a new snapshot, in slices, and the
 * log starts afresh (compaction-policy.ts says when; docs/store.md how each step survives a crash).
 */
import { Low } from 'lowdb'
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { emptyJournal } from '../../shared/schema/journal.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { JournalKey } from '../crypt/journal-key.ts'
import { backupsFolder, rotateBackups, writeBackup } from './backups.ts'
import { JournalFile, serializeJournal } from './journal-file.ts'
import { readOnlyReason, removeLeftovers } from './journal-files.ts'
import { describeFsError } from '../fs-errors.ts'
import { checkOrRefuse } from './change-check.ts'
import { diffJournal } from './change-diff.ts'
import { CompactionTimer, OneAtATime } from './compaction-policy.ts'
import { IdSets } from './id-sets.ts'
import { LogFile, logPathOf } from './log-file.ts'
import { replayLog } from './log-replay.ts'
import type { LogState } from './log-replay.ts'
import { RapportError } from '../rapport-error.ts'
import type { StoreOptions } from './store-options.ts'

export type { StoreOptions } from './store-options.ts'

export class JournalStore {
  #db: Low<Journal>
  #file: JournalFile
  #path: string
  #now: () => Date
  #log: LogFile | null = null
  #logState: LogState = { records: 0, bytes: 0, tornBytes: 0, lastSeq: 0, replayed: 0, pendingFrom: 0 }
  /** The one write queue: every change, and so every append, waits for the one before. */
  #queue: Promise<unknown> = Promise.resolve()
  #compactions = new OneAtATime(() => this.#runCompaction())
  #timer: CompactionTimer
  #ids = new IdSets()
  #rotatedOn = ''
  /** The day's backups being taken after a change (flush waits for them). */
  #rotating: Promise<void> = Promise.resolve()
  /** Set once maintenance has taken the journal over (retire): why changes are refused from then on. */
  #retired = ''
  #listeners: Array<(journal: Journal) => void> = []
  #compactedListeners: Array<() => void> = []
  readonly readOnly: boolean
  /** Why a store opened for writing is read-only after all (the files' modes), or ''. */
  readonly readOnlyReason: string

  private constructor(path: string, now: () => Date, options: StoreOptions, readOnlyReason = '') {
    this.#path = path
    this.#now = now
    this.readOnly = (options.readOnly ?? false) || readOnlyReason !== ''
    this.readOnlyReason = readOnlyReason
    this.#file = new JournalFile(path, options.validatedSnapshot, options.key ?? null)
    this.#db = new Low(this.#file, emptyJournal())
    this.#timer = new CompactionTimer(options.compaction ?? {}, () => void this.compact().catch(warn))
  }

  /**
   * Opens (or creates) the journal at `path`: the snapshot with the change log replayed on it. Throws
   * JournalProblem, writing nothing, when either cannot be read. The caller holds the journal's lock,
   * unless it opens read-only (a missing file then reads as empty, and nothing is created).
   */
  static async open(path: string, options: StoreOptions = {}): Promise<JournalStore> {
    const now = options.now ?? (() => new Date())
    // A journal the user made read-only is opened read-only: shown, never written, never chmodded.
    const forced = options.readOnly ? '' : await readOnlyReason([path, logPathOf(path)])
    const store = new JournalStore(path, now, options, forced)
    if (store.readOnly) {
      await store.#db.read()
      store.#logState = await replayLog(path, store.#file.logSeq, store.#db, store.#file.migrated, store.key)
      return store
    }
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    await removeLeftovers(path, backupsFolder(path))
    await store.#db.read()
    const state = await replayLog(path, store.#file.logSeq, store.#db, store.#file.migrated, store.key)
    store.#logState = state
    const before =
      store.#file.migrated?.text ?? (store.#file.logSeq === null && store.found ? await readFile(path) : null)
    if (!store.found || before !== null) {
      // No file yet, or one from an older schema or from before the change log: kept as a backup, then
      // written as a snapshot of everything so far, and the log starts empty.
      if (before !== null) await writeBackup(path, 'pre-migration', before, now(), store.key)
      store.#file.logSeq = state.lastSeq
      await store.#db.write()
      store.#log = await LogFile.open(path, state.bytes, state.records, state.lastSeq, store.key)
      await store.#log.restart(Buffer.alloc(0), 0)
    } else {
      store.#log = await LogFile.open(path, state.bytes, state.records, state.lastSeq, store.key)
      // Records the snapshot already holds mean a compaction stopped before its last step: finish it.
      if (state.replayed < state.records)
        await store.#log.restart(await store.#log.bytesSince(state.pendingFrom), state.replayed)
    }
    await store.#rotateOncePerDay()
    return store
  }

  get path(): string {
    return this.#path
  }

  /** A protected journal's key (what the store writes is sealed with it), or null. */
  get key(): JournalKey | null {
    return this.#file.key
  }

  /** SHA-256 of the snapshot file as this store last read or wrote it. */
  get fileHash(): string {
    return this.#file.hash
  }

  /** The journal's position: the snapshot's hash and the last change after it (the saved search index is keyed by it). */
  get position(): string {
    return `${this.#file.hash}+${this.lastSeq}`
  }

  /** The number of the last change saved. */
  get lastSeq(): number {
    return this.#log?.lastSeq ?? this.#logState.lastSeq
  }

  /** What the change log held when the store opened (and, for a writable store, holds now). */
  get log(): LogState {
    if (!this.#log) return this.#logState
    return { ...this.#logState, records: this.#log.records, bytes: this.#log.size, lastSeq: this.#log.lastSeq }
  }

  /** Whether the file was there when the store opened. */
  get found(): boolean {
    return this.#file.hash !== ''
  }

  /** The schema version the file was written in, if older than this build's; null otherwise. */
  get migratedFrom(): number | null {
    return this.#file.migrated?.from ?? null
  }

  /** The current, saved journal (read-only: changes go through change()). */
  get journal(): Journal {
    return this.#db.data
  }

  /**
   * Applies one change. `produce` returns the next journal (sharing what it did not change) and a result;
   * the promise resolves once the change is durable in the log, and rejects, leaving nothing changed, if
   * the change is invalid or cannot be saved.
   */
  change<T>(produce: (current: Journal) => { next: Journal; result: T }): Promise<T> {
    const log = this.#log
    // Checked first: a retired store is closed once the task is done, and still refuses for that reason.
    if (this.#retired) return Promise.reject(new RapportError('busy', this.#retired))
    if (!log) return Promise.reject(this.#readOnlyError())
    return this.#enqueue(async () => {
      const previous = this.#db.data
      const { next, result } = produce(previous)
      const ops = diffJournal(previous, next)
      const valid = checkOrRefuse(previous, next, ops, this.#ids)
      if (ops.length === 0) return result
      try {
        await log.append(ops)
      } catch (error) {
        throw new RapportError(
          'save-failed',
          `Rapport could not save the journal to ${this.#path}: ${describeFsError(error)}. Nothing was changed.`
        )
      }
      // Durable now: only from here is the change part of the journal.
      this.#db.data = valid
      this.#ids.advance(previous, valid, ops)
      for (const listener of this.#listeners) listener(valid)
      this.#timer.changed(log)
      // After the change, not inside it: the backup takes a snapshot, which waits for this queue.
      this.#rotating = this.#rotating.then(() => this.#rotateOncePerDay())
      return result
    })
  }

  /**
   * Maintenance that replaces the journal's files (a restore, a move, a passphrase): `task` runs in the
   * change queue, after every change asked for before it. Changes asked for from now on are refused with
   * `why`, and no snapshot starts. If the task fails, the store carries on; if it succeeds, close it.
   */
  async retire<T>(why: string, task: (journal: Journal) => Promise<T>): Promise<T> {
    if (!this.#log) throw this.#readOnlyError()
    if (this.#retired) throw new RapportError('busy', this.#retired)
    this.#retired = why
    this.#timer.clear()
    try {
      // A snapshot being written would otherwise land after the task; none starts from now on.
      await this.#compactions.settled()
      await this.#rotating
      return await this.#enqueue(() => task(this.#db.data))
    } catch (error) {
      this.#retired = ''
      throw error
    }
  }

  #readOnlyError(): RapportError {
    return new RapportError('forbidden', this.readOnlyReason || `The journal at ${this.#path} is open read-only here.`)
  }

  #enqueue<T>(run: () => Promise<T>): Promise<T> {
    const done = this.#queue.then(run)
    this.#queue = done.catch(() => undefined)
    return done
  }

  /** A new snapshot of one point in the queue and a fresh log with what came after it; one at a time. */
  compact(): Promise<void> {
    if (!this.#log || this.#retired) return Promise.resolve()
    return this.#compactions.run()
  }

  async #runCompaction(): Promise<void> {
    const log = this.#log
    if (!log) return
    this.#timer.clear()
    // A consistent point: between two changes, the data holds exactly the log's records up to lastSeq.
    const point = await this.#enqueue(async () => {
      if (log.records === 0 && this.#file.logSeq === log.lastSeq) return null
      this.#file.logSeq = log.lastSeq
      return { offset: log.size, records: log.records, writing: this.#db.write() }
    })
    if (!point) return
    // 1. The snapshot replaces the old one atomically; until then the old snapshot and log are whole.
    await point.writing
    // 2. The log restarts with only what came after the point. A crash before this replays nothing twice:
    //    records up to the snapshot's logSeq are skipped on open.
    await this.#enqueue(async () => log.restart(await log.bytesSince(point.offset), log.records - point.records))
    for (const listener of this.#compactedListeners) listener()
  }

  /** Long-running sessions still get their daily and weekly backups; checked once per calendar day. */
  async #rotateOncePerDay(): Promise<void> {
    const now = this.#now()
    if (now.toDateString() === this.#rotatedOn) return
    this.#rotatedOn = now.toDateString()
    // A failed backup must not fail the user's change, which is already saved.
    await rotateBackups(this.#path, () => this.consistentCopy(), now, this.key).catch(() => undefined)
  }

  /**
   * The journal's bytes at one consistent point, for backups: the snapshot file itself, once it holds
   * every change (written now, in slices, if the log has any).
   */
  async consistentCopy(): Promise<Buffer | string> {
    // Retired, the files may be being replaced: the data in memory is the journal.
    if (!this.#log || this.#retired) return serializeJournal(this.#db.data)
    if (this.#log.records > 0) await this.compact()
    return readFile(this.#path)
  }

  /** Calls `listener` with the new journal after each saved change (the search index keeps up this way). */
  onChange(listener: (journal: Journal) => void): void {
    this.#listeners.push(listener)
  }

  /** Calls `listener` after each new snapshot (the session saves the search index for the new position). */
  onCompacted(listener: () => void): void {
    this.#compactedListeners.push(listener)
  }

  /** Resolves when every change asked for so far has been saved or has failed, and the backups and compaction they set off are done. */
  async flush(): Promise<void> {
    await this.#queue
    await this.#rotating
    await this.#compactions.settled()
    await this.#queue
  }

  /**
   * Saves what is pending, writes a last snapshot (unless the policy says not to), refreshes today's backup
   * with the final state (a journal damaged while closed loses no work), and lets go of the log.
   */
  async close(options: { compact?: boolean; backup?: boolean } = {}): Promise<void> {
    await this.flush()
    this.#timer.clear()
    const log = this.#log
    if (!log) return
    const compact = (options.compact ?? this.#timer.compactOnClose) && log.records > 0
    const bytes = compact ? await this.consistentCopy().catch(() => null) : null
    if (options.backup ?? true) {
      const copy = bytes ?? serializeJournal(this.#db.data)
      await writeBackup(this.#path, 'daily', copy, this.#now(), this.key).catch(() => undefined)
    }
    this.#logState = this.log
    await log.close()
    this.#log = null
  }
}

function warn(error: unknown): void {
  console.warn(`Rapport could not write a new snapshot (the change log keeps every change): ${describeFsError(error)}`)
}
