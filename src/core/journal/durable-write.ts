/**
 * Atomic, durable file replacement: the bytes are on disk before the rename makes them visible, and the
 * rename itself is on disk before we report success. A crash at any point leaves either the old file or
 * the new one, never a mix.
 */
import { randomUUID } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_FOLDER_MODE = 0o700

export async function writeFileDurable(path: string, bytes: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(path)
  const file = await open(tmp, 'wx', PRIVATE_FILE_MODE).catch((error: unknown) => {
    throw naming(error, path)
  })
  try {
    await file.writeFile(bytes)
    await file.sync()
  } catch (error) {
    await file.close()
    await rm(tmp, { force: true })
    throw naming(error, path)
  }
  await file.close()
  await commitTemp(tmp, path)
}

/**
 * A failed write names the file it was for (the one the user knows, not its temp file): errors from an open
 * file handle carry no path, and "the disk is full" alone does not say where.
 */
export function naming(error: unknown, path: string): unknown {
  const failure = error as NodeJS.ErrnoException
  if (failure instanceof Error && typeof failure.code === 'string') failure.path = path
  return error
}

/** A unique temp name beside `path`, so two writers (or a crashed one's leftovers) never collide. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`)
}

/** Puts a written and fsynced temp file in `path`'s place, and makes the rename itself durable. */
export async function commitTemp(tmp: string, path: string): Promise<void> {
  try {
    await rename(tmp, path)
  } catch (error) {
    await rm(tmp, { force: true })
    throw error
  }
  await syncFolder(dirname(path))
}

/** fsync the folder so the rename survives power loss. Windows cannot open folders; NTFS journals renames. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** A write in progress, named by writeFileDurable: .<file>.<pid>.<uuid>.tmp (the pid is group 2). */
export const TEMP_FILE_NAME = /^\.(.+)\.(\d+)\.[0-9a-f-]{36}\.tmp$/

export function isTempFileOf(path: string, name: string): boolean {
  return name.startsWith(`.${basename(path)}.`) && name.endsWith('.tmp')
}
