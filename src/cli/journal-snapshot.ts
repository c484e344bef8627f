/**
 * The journal as read-only commands see it: read straight from journal.json without taking the lock, so
 * they work while Rapport has it open. Nothing is written: an older file is migrated in memory only, and
 * no backup is taken or rotated.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Journal } from '../shared/schema/journal.ts'
import { sha256 } from '../core/journal/file-hash.ts'
import { JOURNAL_FILE } from '../core/journal/journal-session.ts'
import { JournalProblem, readJournalText } from '../core/journal/journal-text.ts'
import { readSavedIndex } from '../core/search/saved-index.ts'
import { SearchIndex } from '../core/search/search-index.ts'
import { CliError } from './cli-error.ts'
import { describeFsError } from './fs-errors.ts'

export interface JournalSnapshot {
  path: string
  journal: Journal
  /** SHA-256 of the bytes read: the saved search index is used only if it was made from these. */
  fileHash: string
}

export function journalPath(dataDir: string): string {
  return join(dataDir, JOURNAL_FILE)
}

export async function readJournalSnapshot(dataDir: string): Promise<JournalSnapshot> {
  const path = journalPath(dataDir)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw noJournal(path)
    throw new CliError(`Cannot read the journal at ${path}: ${describeFsError(error)}.`)
  }
  try {
    return { path, journal: readJournalText(bytes.toString('utf8')).journal, fileHash: sha256(bytes) }
  } catch (error) {
    if (!(error instanceof JournalProblem)) throw error
    throw new CliError(`The journal at ${path} cannot be read: ${error.message} Run “rapport doctor”, or open Rapport to restore a backup.`)
  }
}

/**
 * The snapshot's search index: the one Rapport saved beside the journal on closing when it was made from
 * these very bytes (a read of a fraction of a second), otherwise built afresh.
 */
export async function snapshotIndex({ path, journal, fileHash }: JournalSnapshot): Promise<SearchIndex> {
  return (await readSavedIndex(path, journal, fileHash)) ?? SearchIndex.build(journal)
}

/** There is no journal.json yet: read-only commands never create one. */
export class NoJournal extends CliError {
  override name = 'NoJournal'
}

export function noJournal(path: string): NoJournal {
  return new NoJournal(`No journal at ${path} yet. Open Rapport once, or point --data-dir (or RAPPORT_DATA_DIR) at the folder that holds journal.json.`)
}
