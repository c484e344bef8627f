/**
 * Where the user moved their journal, remembered in location.json in the app's own folder, so the next
 * launch finds it. --data-dir and RAPPORT_DATA_DIR still win over it.
 */
import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { writeFileDurable } from '../core/journal/durable-write.ts'

export const LOCATION_FILE = 'location.json'

export async function readLocation(appDir: string): Promise<string | null> {
  try {
    const { dataDir } = JSON.parse(await readFile(join(appDir, LOCATION_FILE), 'utf8')) as { dataDir?: unknown }
    return typeof dataDir === 'string' && isAbsolute(dataDir) ? dataDir : null
  } catch {
    // No pointer (or a damaged one): the journal is in the app's own folder.
    return null
  }
}

export function writeLocation(appDir: string, dataDir: string): Promise<void> {
  return writeFileDurable(join(appDir, LOCATION_FILE), `${JSON.stringify({ dataDir })}\n`)
}
