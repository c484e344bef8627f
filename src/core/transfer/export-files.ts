/**
 * Writing the Markdown export's files: only inside the folder the user chose, never through a link out of
 * it, a few files at a time.
 */
import { constants } from 'node:fs'
import { realpath, writeFile } from 'node:fs/promises'
import { basename, isAbsolute, relative, resolve, sep } from 'node:path'
import { PRIVATE_FILE_MODE } from '../journal/durable-write.ts'
import { RapportError } from '../rapport-error.ts'

/** The absolute path of `relativePath` under `root`; refuses anything that would land outside it. */
export function insideFolder(root: string, relativePath: string): string {
  const path = resolve(root, relativePath)
  if (!isInside(root, path)) {
    throw new RapportError('forbidden', `Rapport will not write “${relativePath}”: it is outside the folder you chose.`)
  }
  return path
}

/** A subfolder that is a link to somewhere else would carry the export out of the chosen folder. */
export async function refuseLinkedFolder(root: string, folder: string): Promise<void> {
  const [realRoot, realFolder] = await Promise.all([realpath(root), realpath(folder)])
  if (!isInside(realRoot, realFolder)) {
    throw new RapportError(
      'forbidden',
      `The “${basename(folder)}” folder in ${root} links to somewhere else; Rapport will not write through it.`
    )
  }
}

/** Strictly below `root` (not `root` itself). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return !(rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
}

// O_NOFOLLOW: an existing file that is a symlink is refused rather than followed out of the folder (POSIX only).
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0)

/**
 * Plain writes, not writeFileDurable: the export is a copy the user can make again from the journal, which
 * it never touches, and two fsyncs per file would put thousands of people well past the three-second budget.
 */
export async function writeExportFile(root: string, path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, { flag: WRITE_FLAGS, mode: PRIVATE_FILE_MODE })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new RapportError(
        'forbidden',
        `“${relative(root, path)}” in the export folder is a link to somewhere else; Rapport will not write through it.`
      )
    }
    throw error
  }
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
