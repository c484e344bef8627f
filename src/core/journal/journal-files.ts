/**
 * What is at the journal's paths, looked at before Rapport reads or writes them (docs/store.md, "Odd
 * files"). Rapport opens only plain files: a link would be cut by the first snapshot, which replaces the
 * file; a folder cannot be read; reading a named pipe waits forever. A file the user made read-only is shown
 * read-only, never made writable behind their back. Files a killed writer left behind are removed.
 */
import { constants } from 'node:fs'
import { access, chmod, lstat, open, readdir, readlink, rm, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { describeFileKind, describeFsError } from '../fs-errors.ts'
import { PRIVATE_FILE_MODE, TEMP_FILE_NAME, isTempFileOf } from './durable-write.ts'
import { JournalProblem } from './journal-text.ts'

/** A file Rapport will not open as it is (not damage: nothing to restore over it). The message says why. */
export class JournalRefused extends JournalProblem {
  override name = 'JournalRefused'
  override readonly restorable = false
}

// Never follow a link, never wait on a pipe: the type is checked again on the open file before reading.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** The bytes of one of the journal's files, or null when there is none; JournalRefused if it is not a plain file. */
export async function readJournalBytes(path: string): Promise<Buffer | null> {
  const info = await lstat(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  })
  if (!info) return null
  if (!info.isFile()) throw await refusal(path)
  let file: FileHandle
  try {
    file = await open(path, READ_FLAGS)
  } catch (error) {
    // Replaced by something else since the look (a link: ELOOP).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw await refusal(path)
    throw error
  }
  try {
    if (!(await file.stat()).isFile()) throw await refusal(path)
    return await file.readFile()
  } finally {
    await file.close()
  }
}

/** Throws JournalRefused if something other than a plain file is at `path` (a restore must not write over it). */
export async function refuseOddFile(path: string): Promise<void> {
  const info = await lstat(path).catch(() => null)
  if (info && !info.isFile()) throw await refusal(path)
}

async function refusal(path: string): Promise<JournalRefused> {
  const info = await lstat(path)
  const name = basename(path)
  if (info.isSymbolicLink()) {
    const target = resolve(dirname(path), await readlink(path))
    return new JournalRefused(
      `${name} is a link to ${target}. Rapport keeps the journal and its change log side by side and replaces the file whenever it saves a snapshot, which would cut the link: open the folder the journal is in (${dirname(target)}) instead.`
    )
  }
  return new JournalRefused(
    `${name} is ${describeFileKind(info)}, not a journal file. Move it out of the way (or pick the folder that holds your journal) and try again.`
  )
}

/**
 * Why the journal cannot be written here, or '' when it can. A mode without the owner's write bit is the
 * user's choice (chmod 400) and is respected even by root; otherwise the system is asked (another owner,
 * a read-only disk).
 */
export async function readOnlyReason(paths: readonly string[]): Promise<string> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info) continue
    const name = basename(path)
    if ((info.mode & 0o200) === 0)
      return `${name} is read-only (mode ${octal(info.mode & 0o777)}), so Rapport shows it without changing it. To edit it again, make it writable (chmod 600) and reopen it.`
    const writable = await access(path, constants.W_OK).then(
      () => true,
      () => false
    )
    if (!writable)
      return `${name} cannot be written by you (it belongs to another user, or the disk is read-only), so Rapport shows it without changing it.`
  }
  return ''
}

/**
 * Makes a file private to the user (0600). Where the system will not (a file another user owns, FAT and
 * exFAT, some network shares), that is a warning to show, never a reason not to open the journal.
 */
export async function makePrivate(path: string): Promise<string> {
  try {
    await chmod(path, PRIVATE_FILE_MODE)
    return ''
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    const mode = await stat(path).then(
      (info) => info.mode & 0o777,
      () => PRIVATE_FILE_MODE
    )
    if ((mode & 0o077) === 0) return ''
    return `Rapport could not make ${basename(path)} private to you (${describeFsError(error)}): it has mode ${octal(mode)}, so other users of this computer may be able to read it.`
  }
}

/** Temp files of writes a killed process never finished: beside the journal, and in backups/. */
export async function removeLeftovers(path: string, backups: string): Promise<void> {
  const folder = dirname(path)
  const ours = (await readdir(folder)).filter((name) => isTempFileOf(path, name))
  const inBackups = (await readdir(backups).catch(() => [] as string[])).filter((name) => TEMP_FILE_NAME.test(name))
  await Promise.all([
    ...ours.map((name) => rm(join(folder, name), { force: true })),
    ...inBackups.map((name) => rm(join(backups, name), { force: true }))
  ])
}

export function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`
}
