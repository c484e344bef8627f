import { readFile, stat } from 'node:fs/promises'
import { sha256 as sha256Of } from '../../src/core/journal/file-hash.ts'
import { serializeJournal } from '../../src/core/journal/journal-file.ts'
import { JournalStore } from '../../src/core/journal/journal-store.ts'
import type { Journal } from '../../src/shared/schema/journal.ts'
import type { JournalKey } from '../../src/core/crypt/journal-key.ts'

/** SHA-256 of the file at `path`. */
export async function sha256(path: string): Promise<string> {
  return sha256Of(await readFile(path))
}

/** Content hash plus modification time: equal fingerprints mean the file was not rewritten. */
export async function fingerprint(path: string): Promise<string> {
  const info = await stat(path)
  return `${await sha256(path)}:${info.mtimeMs}:${info.size}`
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}

/**
 * The journal as Rapport keeps it — the snapshot with its change log replayed — read the way Rapport
 * reads it (read-only: nothing is written).
 */
export async function storedJournal(path: string, key: JournalKey | null = null): Promise<Journal> {
  const store = await JournalStore.open(path, { readOnly: true, key })
  return store.journal
}

/** The stored journal as one journal file's text: two moments of the store compare byte for byte. */
export async function storedText(path: string): Promise<string> {
  return serializeJournal(await storedJournal(path))
}

/** SHA-256 of the snapshot and of its change log: equal means neither file was touched. */
export async function storedFilesHash(path: string): Promise<string> {
  const log = await readFile(`${path}.log`).catch(() => Buffer.alloc(0))
  return `${await sha256(path)}+${sha256Of(log)}`
}
