/** The export folder's guard rails: nothing is read or written outside the folder the user chose, or through a link. */
import { constants } from 'node:fs'
import { lstat, open, readFile, realpath } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { PRIVATE_FILE_MODE } from '../journal/durable-write.ts'
import { RapportError } from '../rapport-error.ts'

/** The absolute path of `relativePath` under `root`; refuses anything that would land outside it. */
export function insideFolder(root: string, relativePath: string): string {
  const path = resolve(root, relativePath)
  if (outside(root, path))
    throw new RapportError('forbidden', `Rapport will not write “${relativePath}”: it is outside the folder you chose.`)
  return path
}

function outside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)
}

/** A sub-folder that is a link to somewhere else would carry the export out of the chosen folder. */
export async function refuseLinkedFolder(root: string, folder: string, name: string): Promise<void> {
  const [realRoot, realFolder] = await Promise.all([realpath(root), realpath(folder)])
  if (outside(realRoot, realFolder))
    throw new RapportError(
      'forbidden',
      `The “${name}” folder in ${root} links to somewhere else; Rapport will not write through it.`
    )
}

/** The bytes of a file in the folder, or null when there is none; a link is refused, never followed. */
export async function readExported(root: string, path: string): Promise<Buffer | null> {
  const info = await lstat(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  })
  if (info === null) return null
  if (info.isSymbolicLink()) throw linked(root, path)
  if (!info.isFile())
    throw new RapportError(
      'forbidden',
      `“${relative(root, path)}” in the export folder is not a file; Rapport leaves it alone.`
    )
  return readFile(path, { flag: READ_FLAGS })
}

// O_NOFOLLOW: an existing file that is a symlink is refused rather than followed out of the folder (POSIX only).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)
// No O_TRUNC: the file is checked on its open handle (a hard link?) before anything in it is cut.
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0)

/**
 * Plain writes, not writeFileDurable: the export is a copy the user can make again from the journal, which
 * it never touches, and two fsyncs per file would put thousands of people well past the three-second budget.
 * A file with another name elsewhere (a hard link) is refused like a symlink: writing it would change that
 * other file too.
 */
export async function writeExported(root: string, path: string, text: string): Promise<void> {
  let file: FileHandle
  try {
    file = await open(path, WRITE_FLAGS, PRIVATE_FILE_MODE)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linked(root, path)
    throw error
  }
  try {
    if ((await file.stat()).nlink > 1) throw hardLinked(root, path)
    await file.truncate(0)
    await file.writeFile(text)
  } finally {
    await file.close()
  }
}

function hardLinked(root: string, path: string): RapportError {
  return new RapportError(
    'forbidden',
    `“${relative(root, path)}” in the export folder is a hard link to a file elsewhere; Rapport will not write through it.`
  )
}

function linked(root: string, path: string): RapportError {
  return new RapportError(
    'forbidden',
    `“${relative(root, path)}” in the export folder is a link to somewhere else; Rapport will not write through it.`
  )
}

/** Runs `task` over `items`, at most `limit` at a time; the first failure stops new tasks starting. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!
      try {
        await task(item)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
