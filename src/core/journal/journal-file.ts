/**
 * The journal file as a lowdb adapter: read() parses, migrates and validates it, write() replaces it durably
 * (see durable-write.ts; lowdb's JSONFile neither fsyncs nor uses unique temp names). Writes are not queued
 * here: the store runs one change at a time, so there is never a second write in flight.
 */
import type { Adapter } from 'lowdb'
import { readFile } from 'node:fs/promises'
import type { Journal } from '../../shared/schema/journal.ts'
import { writeFileDurable } from './durable-write.ts'
import { sha256 } from './file-hash.ts'
import { readJournalText } from './journal-text.ts'

export class JournalFile implements Adapter<Journal> {
  readonly path: string
  /** SHA-256 of the file as last read or written here: what is on disk (the saved search index is keyed by it). */
  hash = ''
  /** Set by read() when the file was written in an older schema: its version and its exact text. */
  migrated: { from: number; text: string } | null = null

  constructor(path: string) {
    this.path = path
  }

  /** null only when the file does not exist; a file that exists but cannot be read throws JournalProblem. */
  async read(): Promise<Journal | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    const text = bytes.toString('utf8')
    const { journal, migratedFrom } = readJournalText(text)
    this.hash = sha256(bytes)
    this.migrated = migratedFrom === null ? null : { from: migratedFrom, text }
    return journal
  }

  async write(data: Journal): Promise<void> {
    const text = serializeJournal(data)
    await writeFileDurable(this.path, text)
    this.hash = sha256(text)
  }
}

/** The journal's bytes, exactly as Rapport writes them (two-space JSON and a final newline). */
export function serializeJournal(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`
}
