/**
 * The key a session holds for a protected journal, or why it is locked (docs/encryption.md). Unlocking
 * derives the key from the passphrase and the wrap in the journal's header; locking overwrites it.
 */
import { JournalKey, WrongPassphrase } from '../crypt/journal-key.ts'
import type { KeyWrap } from '../crypt/journal-key.ts'
import type { KdfParams } from '../crypt/kdf.ts'
import { RapportError } from '../rapport-error.ts'
import { findKeyWrap } from './journal-protection.ts'

export const WRONG_PASSPHRASE = 'That passphrase does not unlock this journal. Nothing was changed.'

export class SessionKey {
  #key: JournalKey | null = null
  /** The wrapped key of the journal on disk, while no key here opens it. */
  #lockedBy: KeyWrap | null = null
  readonly #kdf: KdfParams | undefined

  /** `key`: one already unlocked (a key the OS keychain kept), used if it is the journal's. */
  constructor(kdf?: KdfParams, key: JournalKey | null = null) {
    this.#kdf = kdf
    this.#key = key
  }

  get key(): JournalKey | null {
    return this.#key
  }

  get locked(): boolean {
    return this.#lockedBy !== null
  }

  /**
   * Looks at the journal at `path`: locked when it is protected and this key is not its own (or there is
   * none); a key held for a journal that is no longer protected is forgotten. JournalProblem if damaged.
   */
  async look(path: string): Promise<boolean> {
    this.#lockedBy = null
    const wrap = await findKeyWrap(path)
    if (!wrap) this.forget()
    else if (this.#key?.id !== wrap.key) {
      this.forget()
      this.#lockedBy = wrap
    }
    return this.locked
  }

  /** Derives the key (about half a second); RapportError 'wrong-passphrase' when it does not unwrap. */
  async unlock(passphrase: string): Promise<void> {
    if (!this.#lockedBy) return
    try {
      this.#key = await JournalKey.unlock(passphrase, this.#lockedBy)
    } catch (error) {
      if (error instanceof WrongPassphrase) throw new RapportError('wrong-passphrase', WRONG_PASSPHRASE)
      throw error
    }
    this.#lockedBy = null
  }

  /** Unlocks with a data key kept by the OS keychain; false (still locked) if it is not this journal's. */
  useData(data: Uint8Array): boolean {
    const key = this.#lockedBy && JournalKey.fromData(data, this.#lockedBy)
    if (!key) return false
    this.#key = key
    this.#lockedBy = null
    return true
  }

  /** The key a new passphrase gives: the same data key re-wrapped, or a new one; null takes protection off. */
  async next(passphrase: string | null): Promise<JournalKey | null> {
    if (passphrase === null) return null
    return this.#key ? this.#key.rewrapped(passphrase, this.#kdf) : JournalKey.create(passphrase, this.#kdf)
  }

  /** From now on, `key` is the journal's (after a change of passphrase). */
  use(key: JournalKey | null): void {
    if (this.#key !== key) this.#key?.forget()
    this.#key = key
  }

  forget(): void {
    this.#key?.forget()
    this.#key = null
  }
}
