/**
 * The lock file's atomic steps (docs/store.md, "One writer", has the reasoning):
 *
 * - Creating it: the record is written to a unique temp file, which is then hard-linked to the lock's name.
 *   link() fails if the name exists, so exactly one of any number of takers creates it, and the lock is
 *   never seen empty or half-written.
 * - Taking over a stale one: POSIX has no "delete this file only if it is still the one I looked at", so a
 *   taker first creates a marker named after the stale lock (its inode and bytes) with the same exclusive
 *   link. Only the marker's holder may delete that lock, and it checks, holding the marker, that the lock is
 *   still the one it judged. A marker left by a taker that died is itself a stale lock and is taken over the
 *   same way, one level down.
 */
import { createHash, randomUUID } from 'node:crypto'
import { constants, readFileSync, unlinkSync } from 'node:fs'
import { link, open, readdir, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { naming, PRIVATE_FILE_MODE } from './durable-write.ts'
import { isRunning } from './process-identity.ts'

/** A lock file as read: its bytes, and which file it was (the inode), so it can be told from a newer one. */
export interface SeenLock {
  bytes: Buffer
  inode: string
}

/** Systems that cannot make hard links (FAT, exFAT, some network shares) answer link() with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])

/** Creates `path` holding `text` if no file has that name; false if one does. */
export async function createExclusive(path: string, text: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomUUID()}.taking`
  const file = await open(temp, 'wx', PRIVATE_FILE_MODE).catch((error: unknown) => {
    throw naming(error, path)
  })
  try {
    await file.writeFile(text)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw naming(error, path)
  } finally {
    await file.close()
  }
  try {
    await link(temp, path)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (code === 'EEXIST') return false
    if (NO_HARD_LINKS.has(code)) return await createWithoutLinks(path, text)
    throw error
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

/**
 * Without hard links, O_EXCL still makes exactly one taker create the file; the record is written straight
 * after, so for an instant it is empty (and a taker reading it then could judge it junk). docs/store.md.
 */
async function createWithoutLinks(path: string, text: string): Promise<boolean> {
  let file: FileHandle
  try {
    file = await open(path, 'wx', PRIVATE_FILE_MODE)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await file.writeFile(text)
  } finally {
    await file.close()
  }
  return true
}

// Never follow a link, never wait on a FIFO: a lock is a plain file or it is junk.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** The lock as it is now, or null when there is none. */
export async function readLockFile(path: string): Promise<SeenLock | null> {
  let file: FileHandle
  try {
    file = await open(path, READ_FLAGS)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw notAFile(path, 'a link')
    throw error
  }
  try {
    const info = await file.stat({ bigint: true })
    if (!info.isFile()) throw notAFile(path, info.isDirectory() ? 'a folder' : 'not a plain file')
    return { bytes: await file.readFile(), inode: `${info.dev}:${info.ino}` }
  } finally {
    await file.close()
  }
}

function notAFile(path: string, what: string): Error {
  return new Error(`${path} is ${what}, not a lock Rapport made; move it away to open the journal`)
}

export type BreakResult = 'broken' | 'changed' | 'busy'

/**
 * Deletes the lock at `path` only if it is still exactly `seen`. 'changed': it is not (someone else took it
 * over, or its owner let go): look again. 'busy': another live taker is taking it over right now.
 * `isStale` judges a marker's bytes as a lock's; `markerText` is this process's record.
 */
export async function breakLock(
  path: string,
  seen: SeenLock,
  markerText: string,
  isStale: (bytes: Buffer) => boolean,
  depth = 0
): Promise<BreakResult> {
  const marker = markerPath(path, seen)
  if (!(await createExclusive(marker, markerText))) {
    const other = await readLockFile(marker)
    // Its taker just finished (the lock is gone or new now), or is still at it.
    if (other === null) return 'changed'
    if (depth >= 2 || !isStale(other.bytes)) return 'busy'
    // That taker died between making its marker and finishing: its marker is a stale lock in turn.
    const cleared = await breakLock(marker, other, markerText, isStale, depth + 1)
    return cleared === 'busy' ? 'busy' : breakLock(path, seen, markerText, isStale, depth)
  }
  try {
    const now = await readLockFile(path)
    if (!now || now.inode !== seen.inode || !now.bytes.equals(seen.bytes)) return 'changed'
    // Holding the marker, no one else can delete this lock: it is still the one judged stale.
    await unlink(path)
    return 'broken'
  } finally {
    await unlink(marker).catch(() => undefined)
  }
}

function markerPath(path: string, seen: SeenLock): string {
  const id = createHash('sha256').update(seen.inode).update('\0').update(seen.bytes).digest('hex').slice(0, 16)
  return `${path}.${id}.breaking`
}

/** Deletes the lock at `path` if its bytes are still `bytes` (its owner letting go). */
export async function removeIfStill(path: string, bytes: Buffer): Promise<void> {
  const now = await readLockFile(path).catch(() => null)
  if (now?.bytes.equals(bytes)) await unlink(path).catch(() => undefined)
}

export function removeIfStillSync(path: string, bytes: Buffer): void {
  try {
    if (readFileSync(path).equals(bytes)) unlinkSync(path)
  } catch {
    // Gone already, or unreadable: nothing of ours to remove.
  }
}

/**
 * Files a taker that died left beside the lock: a half-made lock (`.taking`) or a takeover marker
 * (`.breaking`) whose maker no longer runs. Called by the lock's holder, when nothing else is taking it.
 */
export async function removeTakersLeftovers(path: string, isStale: (bytes: Buffer) => boolean): Promise<void> {
  const folder = dirname(path)
  const prefix = `${basename(path)}.`
  const names = await readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const taking = /\.(\d+)\.[0-9a-f-]{36}\.taking$/.exec(name)
    if (taking && !isRunning(Number(taking[1]))) await unlink(join(folder, name)).catch(() => undefined)
    if (name.endsWith('.breaking')) {
      const seen = await readLockFile(join(folder, name)).catch(() => null)
      if (seen && isStale(seen.bytes)) await unlink(join(folder, name)).catch(() => undefined)
    }
  }
}
