/** Saving an export over a file: only one Rapport wrote before (found by its mark) is ever replaced. */
import { lstat, readFile } from 'node:fs/promises'
import { writeFileDurable } from '../journal/durable-write.ts'
import { RapportError } from '../rapport-error.ts'

/** Writes `text` at `file` durably, unless a file is there that does not hold `mark` (then nothing is written). */
export async function writeOwnFile(file: string, text: string, mark: string, what: string): Promise<void> {
  const existing = await lstat(file).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  })
  if (existing !== null) {
    const ours = existing.isFile() && (await readFile(file, 'utf8')).includes(mark)
    if (!ours)
      throw new RapportError(
        'forbidden',
        `${file} already exists and is not ${what} Rapport wrote; Rapport will not replace it. Choose another name.`
      )
  }
  await writeFileDurable(file, text)
}
