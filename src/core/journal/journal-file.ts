/**
 * The journal's snapshot file as a lowdb adapter: read() parses, migrates and validates it, write() replaces
 * it durably, in slices that leave the main thread free (snapshot-writer.ts; lowdb's JSONFile neither fsyncs
 * nor uses unique temp names). The snapshot holds every change-log record up to `logSeq`; the store sets it
 * before each write. Writes are not queued here: the store never starts a second one while one is in flight.
 * A protected journal's snapshot is sealed (docs/encryption.md): opened with the key, or damage.
 */
import type { Adapter } from 'lowdb'
import type { Journal } from '../../shared/schema/journal.ts'
import type { JournalKey } from '../crypt/journal-key.ts'
import { isSealed, openSealed, SealProblem } from '../crypt/sealed-file.ts'
import { BackgroundHash } from './background-hash.ts'
import { readJournalBytes } from './journal-files.ts'
import { journalTextOf, JournalProblem, parseJournalJson, readJournalObject, readJournalText } from './journal-text.ts'
import type { ReadJournal } from './journal-text.ts'
import type { JsonObject } from './migrations.ts'
import { writeSnapshotSliced } from './snapshot-writer.ts'

export class JournalFile implements Adapter<Journal> {
  readonly path: string
  /** SHA-256 of the file as last read or written here: what is on disk (the saved search index is keyed by it). */
  hash = ''
  /** Set by read() when the file was written in an older schema: its version and its exact text. */
  migrated: { from: number; text: string } | null = null
  /**
   * The last change-log record the snapshot holds: as read (null for a file from before the change log),
   * and what the next write records.
   */
  logSeq: number | null = null

  /** The SHA-256 of a snapshot this build has validated before; a file with these bytes is not validated again. */
  readonly #validatedHash: string
  readonly key: JournalKey | null

  constructor(path: string, validatedHash = '', key: JournalKey | null = null) {
    this.path = path
    this.#validatedHash = validatedHash
    this.key = key
  }

  /** null only when the file does not exist; a file that exists but cannot be read throws JournalProblem. */
  async read(): Promise<Journal | null> {
    const bytes = await readJournalBytes(this.path)
    if (bytes === null) return null
    // A big file's hash is worked out on a thread of its own while this one parses (background-hash.ts).
    const hasher = new BackgroundHash(bytes.byteLength)
    let text: string
    let value: JsonObject
    let hashing: Promise<string>
    try {
      text = journalTextOf(unsealed(bytes, this.key))
      hashing = hasher.of(bytes, this.path) // `bytes` are the thread's from here on
      value = parseJournalJson(text)
    } catch (error) {
      hasher.cancel()
      throw error
    }
    const hash = await hashing
    const { journal, migratedFrom, logSeq } = readJournalObject(value, {
      validated: this.#validatedHash !== '' && hash === this.#validatedHash
    })
    this.logSeq = logSeq
    this.hash = hash
    this.migrated = migratedFrom === null ? null : { from: migratedFrom, text }
    return journal
  }

  async write(data: Journal): Promise<void> {
    this.hash = await writeSnapshotSliced(this.path, data, this.logSeq ?? 0, this.key)
  }
}

/**
 * The journal text's bytes of a file that may be sealed: a sealed one needs `key` (without it, the caller
 * asks for the passphrase first), and one that fails to open is damage like any unreadable journal.
 */
export function unsealed(bytes: Uint8Array, key: JournalKey | null): Uint8Array {
  if (!isSealed(bytes)) return bytes
  if (!key)
    throw new JournalProblem(
      'It is encrypted by a journal protected with a passphrase: it opens only in that journal, unlocked (or export a clear copy there).'
    )
  try {
    return openSealed(bytes, key)
  } catch (error) {
    if (error instanceof SealProblem) throw new JournalProblem(error.message)
    throw error
  }
}

/** A whole journal file's bytes (a backup, a moved or restored copy), sealed or not, read as a journal. */
export function readJournalBytesWith(bytes: Uint8Array, key: JournalKey | null): ReadJournal {
  return readJournalText(journalTextOf(unsealed(bytes, key)))
}

/** The journal's bytes, exactly as Rapport writes them (two-space JSON and a final newline). */
export function serializeJournal(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`
}
