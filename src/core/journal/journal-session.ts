/**
 * The journal as the app (or the CLI) holds it: the lock, and either an open store or the reason the
 * file could not be read. An unreadable file is never written to; restoring a backup keeps its bytes
 * in a sibling file first. Opened read-only (the CLI's search, brief, doctor and export), it takes no lock
 * and writes nothing, not even the search index. A protected journal is locked until its passphrase is given
 * (session-key.ts); locking closes the store and forgets the key, the index and the journal in memory.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupInfo, JournalStatus } from '../../shared/api.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import { backupsFolder, listBackups } from './backups.ts'
import { readBackup, restoreInPlace } from './journal-restore.ts'
import { inspectFolder } from './folder-health.ts'
import type { Finding } from './folder-health.ts'
import { JournalLock } from './journal-lock.ts'
import type { LockOwner } from './journal-lock.ts'
import { JournalStore } from './journal-store.ts'
import type { StoreOptions } from './journal-store.ts'
import { JournalProblem } from './journal-text.ts'
import { makePrivate } from './journal-files.ts'
import { finishProtection, reprotect } from './journal-protection.ts'
import { SessionKey } from './session-key.ts'
import type { KdfParams } from '../crypt/kdf.ts'
import type { SearchIndex } from '../search/search-index.ts'
import { IndexKeeper } from '../search/index-keeper.ts'
import { prefetchSavedIndex, savedIndexJournal } from '../search/saved-index.ts'
import { RapportError } from '../rapport-error.ts'

// What the session's users (the shell and the CLI) catch or show, from the one module they open.
export { BACKUP_POLICY } from './backups.ts'
export type { Finding, FindingLevel } from './folder-health.ts'
export { describeReleased, JournalLocked, releaseLock } from './journal-lock.ts'
export { JournalProblem } from './journal-text.ts'

export const JOURNAL_FILE = 'journal.json'

const TRY_AGAIN = 'so nothing was changed. Try again in a moment.'
const RESTORING = `Rapport is restoring a backup right now, ${TRY_AGAIN}`
const MOVING = `Rapport is moving the journal right now, ${TRY_AGAIN}`
const SWITCHING = `Rapport is opening another journal right now, ${TRY_AGAIN}`
const PROTECTING = `Rapport is re-writing the journal for its passphrase right now, ${TRY_AGAIN}`

export interface SessionOptions extends StoreOptions {
  owner: LockOwner
  /** The passphrase's scrypt parameters for a new wrap (tests pass cheap ones; kdf.ts has the default). */
  kdf?: KdfParams
}

export class JournalSession {
  #path: string
  /** null when read-only. */
  #lock: JournalLock | null
  #options: SessionOptions
  #store: JournalStore | null = null
  #index: SearchIndex | null = null
  #indexKeeper = new IndexKeeper()
  /** Why the journal could not be read (and whether a backup may be restored over it: not over a link…). */
  #problem: JournalProblem | null = null
  /** Why the journal's files could not be made private to the user (chmod refused), or ''. */
  #warning = ''
  /** Set while maintenance (a restore, a move, a reopen) has the journal: why calls are refused meanwhile. */
  #busy = ''
  #changeListeners: Array<() => void> = []
  #key: SessionKey

  private constructor(path: string, lock: JournalLock | null, options: SessionOptions) {
    this.#path = path
    this.#lock = lock
    this.#options = options
    this.#key = new SessionKey(options.kdf, options.key)
  }

  /**
   * Takes the lock (throws JournalLocked if another process has it) and reads the journal in `dataDir`.
   * Read-only, it only reads: no folder is made, no lock taken, and a missing journal reads as empty.
   */
  static async open(dataDir: string, options: SessionOptions): Promise<JournalSession> {
    const path = join(dataDir, JOURNAL_FILE)
    if (options.readOnly) {
      const session = new JournalSession(path, null, options)
      await session.reopen()
      return session
    }
    await mkdir(dataDir, { recursive: true, mode: 0o700 })
    const lock = await JournalLock.acquire(`${path}.lock`, options.owner)
    const session = new JournalSession(path, lock, options)
    try {
      await session.reopen()
    } catch (error) {
      await lock.release()
      throw error
    }
    return session
  }

  get path(): string {
    return this.#path
  }

  /** Calls `listener` after every saved change, whichever store is open (a restore opens a new one). */
  onStoreChange(listener: () => void): void {
    this.#changeListeners.push(listener)
  }

  /** The search index of the open journal, kept current with every change. */
  index(): SearchIndex {
    this.store()
    return this.#index!
  }

  /** The open store; fails with a clear error while the journal is unreadable. */
  store(): JournalStore {
    if (this.#store) return this.#store
    if (this.#busy) throw new RapportError('busy', this.#busy)
    if (this.#key.locked) throw new RapportError('locked', 'The journal is locked: unlock it with its passphrase.')
    const why = `The journal at ${this.#path} cannot be read: ${this.#problem?.message ?? ''}`
    throw new RapportError('journal-unreadable', why)
  }

  async status(): Promise<JournalStatus> {
    const store = this.#store
    if (store) {
      const { readOnlyReason: readOnly } = store
      const people = store.journal.people.length
      return { state: 'ready', file: this.#path, people, readOnly, warning: this.#warning, protected: !!store.key }
    }
    if (this.#key.locked) return { state: 'locked', file: this.#path }
    const { message: problem = '', restorable = true } = this.#problem ?? {}
    return { state: 'unreadable', file: this.#path, problem, restorable, backups: await this.backups() }
  }

  backups(): Promise<BackupInfo[]> {
    return listBackups(this.#path, this.#key.key)
  }

  get backupsFolder(): string {
    return backupsFolder(this.#path)
  }

  /** What rapport doctor reports about the journal, its backups, its lock and the files around it. */
  health(): Promise<Finding[]> {
    return inspectFolder(this.#path, this.#store, this.#problem?.message ?? '', this.#problem?.restorable)
  }

  /** Reads the file again (a JournalProblem: the unreadable state); the index is read back or built. */
  async reopen(): Promise<JournalStatus> {
    await this.#store?.flush()
    this.#store = null
    this.#index = null
    // A peek at the saved index's first bytes (a stale one is not read whole); the rest comes while the journal is parsed.
    const savedFor = await savedIndexJournal(this.#path)
    try {
      if (await this.#key.look(this.#path)) return await this.status()
      const key = this.#key.key
      const savedBytes = savedFor ? prefetchSavedIndex(this.#path) : undefined
      const store = await JournalStore.open(this.#path, {
        ...this.#options,
        key,
        validatedSnapshot: savedFor?.slice(0, savedFor.indexOf('+')) ?? ''
      })
      if (key && !store.readOnly) await finishProtection(this.#path, key)
      // Private to the user where the system allows; where it does not (another owner, FAT), a warning.
      const files = store.readOnly ? [] : [this.#path, `${this.#path}.log`]
      this.#warning = (await Promise.all(files.map(makePrivate))).filter(Boolean).join(' ')
      const index = await this.#indexKeeper.load(this.#path, store, savedFor, savedBytes)
      store.onChange((journal) => {
        index.update(journal)
        for (const listener of this.#changeListeners) listener()
      })
      // A new snapshot is a new position: the saved index follows, so a crash later costs no rebuild.
      store.onCompacted(() => void this.#saveIndex())
      this.#store = store
      this.#index = index
      this.#problem = null
    } catch (error) {
      if (!(error instanceof JournalProblem)) throw error
      this.#problem = error
    }
    return this.status()
  }

  /**
   * Puts a backup in the journal's place. A readable journal is backed up first; an unreadable one is kept
   * byte for byte as `journal.unreadable-<time>.json` (and `.log`) beside it.
   */
  async restoreBackup(name: string): Promise<JournalStatus> {
    this.#refuseIfReadOnly()
    // Nothing is restored over a link, a folder or a pipe: the user moves it away first.
    if (!this.#store && this.#problem?.restorable === false) throw new RapportError('forbidden', this.#problem.message)
    const journal = await readBackup(this.#path, name, this.#key.key)
    const now = (this.#options.now ?? (() => new Date()))()
    return this.#whileBusy(RESTORING, async () => {
      await restoreInPlace(this.#path, this.#store, journal, { now, key: this.#key.key, why: RESTORING })
      return this.reopen()
    })
  }

  /** The key of a protected journal, or why it is locked (the shell's keychain reads and sets it). */
  get keys(): SessionKey {
    return this.#key
  }

  /** Unlocks a protected journal; RapportError 'wrong-passphrase', with nothing changed, when it does not. */
  async unlock(passphrase: string): Promise<JournalStatus> {
    await this.#key.unlock(passphrase)
    return this.reopen()
  }

  /** Saves and closes the journal, then forgets its key, the journal and the index (docs/encryption.md). */
  async lock(): Promise<JournalStatus> {
    if (!this.#key.key) throw new RapportError('forbidden', 'The journal has no passphrase to lock it with.')
    await this.close({ keepLock: true })
    this.#key.forget()
    return this.reopen()
  }

  /** Sets, changes or removes (null) the passphrase: every file re-written (journal-protection.ts). */
  async protect(passphrase: string | null): Promise<JournalStatus> {
    this.#refuseIfReadOnly()
    const store = this.store()
    const to = await this.#key.next(passphrase)
    return this.#whileBusy(PROTECTING, async () => {
      await reprotect(store, to, (this.#options.now ?? (() => new Date()))(), PROTECTING)
      this.#key.use(to)
      this.#indexKeeper.forget()
      return this.reopen()
    })
  }

  /**
   * Continues with the journal in another folder: its lock is taken first, so a failure leaves this one
   * open as it was. Throws JournalLocked if another program has that journal open. `prepare` (moving the
   * journal there) runs in the change queue with the journal as every confirmed change left it; changes
   * asked for from then on are refused until the journal there is open.
   */
  async switchTo(dataDir: string, prepare?: (journal: Journal) => Promise<void>): Promise<JournalStatus> {
    this.#refuseIfReadOnly()
    await mkdir(dataDir, { recursive: true, mode: 0o700 })
    const path = join(dataDir, JOURNAL_FILE)
    if (path === this.#path) return this.status()
    const lock = await JournalLock.acquire(`${path}.lock`, this.#options.owner)
    return this.#whileBusy(prepare ? MOVING : SWITCHING, (why) => this.#switch(lock, path, why, prepare))
  }

  async #switch(
    lock: JournalLock,
    path: string,
    why: string,
    prepare?: (journal: Journal) => Promise<void>
  ): Promise<JournalStatus> {
    try {
      await this.#store?.retire(why, async (journal) => {
        await prepare?.(journal)
      })
    } catch (error) {
      await lock.release()
      throw error
    }
    await this.#store?.close()
    await this.#saveIndex()
    await this.#lock?.release()
    this.#lock = lock
    this.#path = path
    return this.reopen()
  }

  /** Resolves once every change asked for is saved, and any snapshot and index save it set off are done. */
  async flush(): Promise<void> {
    await this.#store?.flush()
    await this.#indexKeeper.settled()
  }

  async close({ keepLock = false } = {}): Promise<void> {
    await this.#store?.close()
    await this.#saveIndex()
    this.#store = null
    this.#index = null
    if (!keepLock) await this.#lock?.release()
  }

  async #whileBusy<T>(why: string, work: (why: string) => Promise<T>): Promise<T> {
    if (this.#busy) throw new RapportError('busy', this.#busy)
    this.#busy = why
    try {
      return await work(why)
    } finally {
      this.#busy = ''
    }
  }

  #refuseIfReadOnly(): void {
    if (!this.#lock) throw new RapportError('forbidden', `The journal at ${this.#path} is open read-only here.`)
  }

  /** Keeps the index beside the journal for the next launch (index-keeper.ts). */
  #saveIndex(): Promise<void> {
    return this.#indexKeeper.save(this.#path, () => ({ store: this.#store, index: this.#index }))
  }
}
