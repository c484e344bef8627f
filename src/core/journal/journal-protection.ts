/**
 * Turning a journal's passphrase on, changing it, or taking it off (docs/encryption.md). The snapshot
 * decides whether a journal is protected; the change log, the backups and the saved search index follow it.
 *
 * The snapshot and its log change format in one atomic step: in the change queue, the journal is first
 * written whole in its old format with an empty log (a compaction), then the new snapshot replaces the old
 * one by a rename. A crash leaves the old journal or the new one. The backups are converted afterwards, one
 * durable write each, and a writable open finishes what a crash left (finishProtection), so no clear copy
 * stays behind a protected journal.
 */
import { constants } from 'node:fs'
import { lstat, open, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Journal } from '../../shared/schema/journal.ts'
import type { JournalKey, KeyWrap } from '../crypt/journal-key.ts'
import { hasCurrentWrap, isSealed, openSealed, readSealHeader, SealProblem } from '../crypt/sealed-file.ts'
import { backupsFolder, sealedWith, writeBackup } from './backups.ts'
import { writeFileDurable } from './durable-write.ts'
import { serializeJournal } from './journal-file.ts'
import type { JournalStore } from './journal-store.ts'
import { replaceJournal } from './journal-restore.ts'
import { JournalProblem } from './journal-text.ts'

const HEAD = 4096
// Never follow a link, never wait on a pipe (journal-files.ts judges what else is at the path).
const PEEK_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** The first bytes of a file (enough for a sealed header), or null when it cannot be read as a plain file. */
export async function fileHead(path: string): Promise<Buffer | null> {
  try {
    if (!(await lstat(path)).isFile()) return null
    const file = await open(path, PEEK_FLAGS)
    try {
      if (!(await file.stat()).isFile()) return null
      const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(HEAD), position: 0 })
      return buffer.subarray(0, bytesRead)
    } finally {
      await file.close()
    }
  } catch {
    return null
  }
}

/**
 * How to unlock the journal at `path`: the wrapped key in its snapshot's header, or, when that header is
 * damaged, in the newest backup's (so a damaged journal can still be unlocked and a backup restored).
 * null for a journal that is not protected. JournalProblem when nothing holds an intact header.
 */
export async function findKeyWrap(path: string): Promise<KeyWrap | null> {
  const head = await fileHead(path)
  if (!head || !isSealed(head)) return null
  try {
    return readSealHeader(head).header
  } catch (error) {
    if (!(error instanceof SealProblem)) throw error
    const folder = backupsFolder(path)
    const names = (await readdir(folder).catch(() => [] as string[])).sort().reverse()
    for (const name of names) {
      const backup = await fileHead(join(folder, name))
      if (backup && isSealed(backup)) {
        try {
          return readSealHeader(backup).header
        } catch {
          continue
        }
      }
    }
    throw new JournalProblem(error.message)
  }
}

/**
 * Re-writes the open journal for the key `to` (null: in clear), in its change queue, then closes the store
 * (the caller opens the journal again). Setting or changing a passphrase first keeps a `pre-passphrase`
 * backup, sealed with the new key: no clear copy is left.
 */
export async function reprotect(store: JournalStore, to: JournalKey | null, now: Date, why: string): Promise<void> {
  const { path, key: from } = store
  await store.retire(why, async (journal) => {
    // Taking it off: backups first, so a crash leaves a protected journal that re-seals them on open.
    if (!to) await resealBackups(path, from, null)
    else await writeBackup(path, 'pre-passphrase', serializeJournal(journal), now, to)
    await resealJournal(path, journal, store.lastSeq, from, to)
  })
  await store.close({ compact: false, backup: false })
  if (to) await resealBackups(path, from, to)
}

/**
 * Puts `journal` (every confirmed change, up to `lastSeq`) in place sealed with `to`, or in clear when `to`
 * is null. Runs in the change queue (JournalStore.retire): nothing is appended meanwhile.
 */
export async function resealJournal(
  path: string,
  journal: Journal,
  lastSeq: number,
  from: JournalKey | null,
  to: JournalKey | null
): Promise<void> {
  // 1. A compaction in the old format: the snapshot holds everything, the log is empty.
  await replaceJournal(path, journal, lastSeq, from)
  // 2. The new format, by one rename. The log is empty, so the two never hold different formats.
  await replaceJournal(path, journal, lastSeq, to)
  // The saved index was in the old format; the next save writes it in the new one.
  await rm(`${path}.search-index`, { force: true })
}

/**
 * Each backup brought to the journal's format: sealed with `to` (re-sealed if an older passphrase wrapped
 * its key), or opened into clear text when `to` is null. A backup no key here opens is left as it is (it
 * is listed as unreadable). Returns how many were rewritten.
 */
export async function resealBackups(path: string, from: JournalKey | null, to: JournalKey | null): Promise<number> {
  const folder = backupsFolder(path)
  let rewritten = 0
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue
    const file = join(folder, name)
    const head = await fileHead(file)
    if (!head || (to ? isSealed(head) && currentFor(head, to) : !isSealed(head))) continue
    const bytes = await readFile(file)
    const plain = isSealed(bytes) ? tryOpen(bytes, [from, to]) : bytes
    if (!plain) continue
    await writeFileDurable(file, sealedWith(plain, to))
    rewritten++
  }
  return rewritten
}

/**
 * On a writable open of a protected journal: what a crash during set, change or remove left behind is
 * finished — backups still in clear or under an older passphrase are sealed with today's, and a saved index
 * in clear is deleted (it holds the words of every note).
 */
export async function finishProtection(path: string, key: JournalKey): Promise<void> {
  await resealBackups(path, key, key)
  const index = await fileHead(`${path}.search-index`)
  if (index && !isSealed(index)) await rm(`${path}.search-index`, { force: true })
}

function currentFor(head: Buffer, key: JournalKey): boolean {
  try {
    return hasCurrentWrap(head, key)
  } catch {
    // A damaged header: nothing to convert, it is listed as unreadable.
    return true
  }
}

function tryOpen(bytes: Buffer, keys: Array<JournalKey | null>): Buffer | null {
  for (const key of keys) {
    if (!key) continue
    try {
      return openSealed(bytes, key)
    } catch {
      continue
    }
  }
  return null
}
