/**
 * Putting a whole journal (a backup) in place of the snapshot and its change log, so that a crash at any
 * step leaves either the old journal or the new one: the new snapshot says it already holds every change
 * the old log has (its logSeq is past them), so until the empty log replaces the old one, replay skips it.
 */
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Journal } from '../../shared/schema/journal.ts'
import type { JournalKey } from '../crypt/journal-key.ts'
import { backupPath, writeBackup } from './backups.ts'
import { serializeJournal } from './journal-file.ts'
import type { JournalStore } from './journal-store.ts'
import { readJournalBytesWith } from './journal-file.ts'
import { writeFileDurable } from './durable-write.ts'
import { RapportError } from '../rapport-error.ts'
import { logPathOf, readLogBytes } from './log-file.ts'
import { serializeSnapshot } from './snapshot-writer.ts'
import { sealedWith } from './backups.ts'

/** The journal a backup holds, read strictly; refused in words when there is none or it cannot be read. */
export async function readBackup(path: string, name: string, key: JournalKey | null = null): Promise<Journal> {
  let bytes: Buffer
  try {
    bytes = await readFile(backupPath(path, name))
  } catch {
    throw new RapportError('not-found', `There is no backup called “${name}”.`)
  }
  try {
    return readJournalBytesWith(bytes, key).journal
  } catch (error) {
    throw new RapportError('invalid-input', `That backup cannot be read either: ${(error as Error).message}`)
  }
}

/**
 * Puts a backup's journal in place. With the store open, in its change queue: the pre-restore backup holds
 * every change confirmed before it, and changes asked for meanwhile are refused, never written to the log it
 * replaces; the store is closed after. An unreadable journal's bytes are kept beside it first.
 */
export async function restoreInPlace(
  path: string,
  store: JournalStore | null,
  journal: Journal,
  { now, key, why }: { now: Date; key: JournalKey | null; why: string }
): Promise<void> {
  if (store) {
    await store.retire(why, async (current) => {
      await writeBackup(path, 'pre-restore', serializeJournal(current), now, store.key)
      await replaceJournal(path, journal, store.lastSeq, store.key)
    })
    await store.close({ compact: false })
    return
  }
  await keepUnreadable(path, now)
  await replaceJournal(path, journal, await highestSeqIn(path), key)
}

export async function replaceJournal(
  path: string,
  journal: Journal,
  afterSeq: number,
  key: JournalKey | null = null
): Promise<void> {
  const text = serializeSnapshot(journal, afterSeq)
  await writeFileDurable(path, sealedWith(text, key))
  await writeFileDurable(logPathOf(path), '')
}

/**
 * The highest change number anywhere in the log, read loosely (a damaged log is read too): a restored
 * snapshot starts after it, so no old record can ever be replayed on top of it.
 */
export async function highestSeqIn(path: string): Promise<number> {
  const text = (await readLogBytes(path)).toString('latin1')
  let highest = 0
  for (const match of text.matchAll(/^(\d{1,15}) /gm)) highest = Math.max(highest, Number(match[1]))
  return highest
}

/**
 * Keeps an unreadable journal's exact bytes beside it before anything replaces it: the snapshot as
 * `journal.unreadable-<time>.json`, and the change log, if there is one, as `journal.unreadable-<time>.log`.
 */
export async function keepUnreadable(path: string, now: Date): Promise<void> {
  const stem = join(dirname(path), `${basename(path, '.json')}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`)
  const snapshot = await readFile(path).catch(() => null)
  if (snapshot) await writeFileDurable(`${stem}.json`, snapshot)
  const log = await readFile(logPathOf(path)).catch(() => null)
  if (log && log.length > 0) await writeFileDurable(`${stem}.log`, log)
}
