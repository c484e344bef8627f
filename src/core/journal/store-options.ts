/** How a JournalStore is opened (journal-store.ts). */
import type { CompactionPolicy } from './compaction-policy.ts'
import type { JournalKey } from '../crypt/journal-key.ts'

export interface StoreOptions {
  /** The clock, so that backup rotation can be tested across days. */
  now?: () => Date
  /**
   * Reads the files and never writes: no backups, no migration written back, changes refused. For commands
   * that only read, and may do so while the app has the journal open (they take no lock).
   */
  readOnly?: boolean
  /** When to write a new snapshot; see compaction-policy.ts for the defaults. */
  compaction?: Partial<CompactionPolicy>
  /**
   * The SHA-256 of a snapshot this build validated before (the saved search index names it): a snapshot with
   * exactly these bytes is not validated again on open.
   */
  validatedSnapshot?: string
  /** A protected journal's key: its files are read and written sealed (docs/encryption.md). */
  key?: JournalKey | null
}
