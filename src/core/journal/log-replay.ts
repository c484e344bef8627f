/**
 * Opening = snapshot + replay: the change log's records after the snapshot's `logSeq` are applied to the
 * data lowdb read. A log that is damaged, or that does not fit the snapshot, makes the journal unreadable
 * (JournalProblem: the recovery screen), and nothing is written.
 */
import type { Low } from 'lowdb'
import type { Journal } from '../../shared/schema/journal.ts'
import type { JournalKey } from '../crypt/journal-key.ts'
import { applyOps, ReplayMismatch } from './change-diff.ts'
import { readLog, recordsAfter } from './change-log.ts'
import { JournalProblem, validateJournal } from './journal-text.ts'
import { migrateJournal } from './migrations.ts'
import type { JsonObject } from './migrations.ts'
import { readLogBytes } from './log-file.ts'

export interface LogState {
  /** Whole records in the log, including any the snapshot already holds. */
  records: number
  /** The log's size up to the end of its last whole record. */
  bytes: number
  /** The size of a torn last record found on opening (dropped), or 0. */
  tornBytes: number
  /** The number of the last change: the log's last record, or the snapshot's logSeq. */
  lastSeq: number
  /** How many records were applied on top of the snapshot. */
  replayed: number
  /** Where the records the snapshot does not hold start, in bytes. */
  pendingFrom: number
}

/**
 * `migrated`: set when the snapshot was written in an older schema. Its log's records were written by that
 * older Rapport too (it had not compacted them when it was replaced), so they are replayed on the snapshot as
 * it was, and the result is migrated and validated: an old record never lands in a journal of the new shape.
 */
export async function replayLog(
  path: string,
  snapshotSeq: number | null,
  db: Low<Journal>,
  migrated: { from: number; text: string } | null = null,
  key: JournalKey | null = null
): Promise<LogState> {
  const bytes = await readLogBytes(path)
  const reading = readLog(bytes, key)
  const base = snapshotSeq ?? 0
  if (!reading.ok) throw new JournalProblem(`${reading.problem} Rapport keeps both files as they are.`)
  const pending = recordsAfter(reading.records, base)
  if (typeof pending === 'string') throw new JournalProblem(`${pending} Rapport keeps both files as they are.`)
  const asWritten = migrated && pending.length > 0
  let journal = asWritten ? snapshotAsWritten(migrated.text) : db.data
  for (const record of pending) {
    try {
      journal = applyOps(journal, record.ops)
    } catch (error) {
      if (!(error instanceof ReplayMismatch)) throw error
      throw new JournalProblem(
        `Change ${record.seq} in the change log does not fit the journal file (${error.message}). Rapport keeps both files as they are.`
      )
    }
  }
  db.data = asWritten ? validateJournal(migrateJournal(journal, migrated.from)) : journal
  return {
    records: reading.records.length,
    bytes: reading.goodBytes,
    tornBytes: reading.tornBytes,
    lastSeq: Math.max(base, reading.records.at(-1)?.seq ?? 0),
    replayed: pending.length,
    pendingFrom: pending.length === 0 ? reading.goodBytes : offsetOf(bytes, reading.records.length - pending.length)
  }
}

/** The older snapshot's own data, without its log position (it was read once already, so it parses). */
function snapshotAsWritten(text: string): Journal {
  const { logSeq: _, ...raw } = JSON.parse(text) as JsonObject
  return raw as unknown as Journal
}

/** The byte offset where record number `n` (from 0) starts: after n newlines. */
function offsetOf(bytes: Uint8Array, n: number): number {
  let at = 0
  for (let i = 0; i < n; i++) at = bytes.indexOf(0x0a, at) + 1
  return at
}
