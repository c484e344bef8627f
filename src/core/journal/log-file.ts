/**
 * The change log on disk (`journal.json.log`), open for appending. An append resolves only once its bytes
 * are fsynced; a failed one is cut back off, so the log never holds half a record ahead of a good one.
 * Starting a fresh log (after a snapshot) replaces the file atomically, keeping the records the snapshot
 * does not hold.
 */
import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { writeFileDurable } from './durable-write.ts'
import { readJournalBytes } from './journal-files.ts'
import { encodeRecord } from './change-log.ts'
import type { JournalKey } from '../crypt/journal-key.ts'
import type { ChangeOp } from './change-diff.ts'

export function logPathOf(journalPath: string): string {
  return `${journalPath}.log`
}

/** The log's bytes, or an empty log when there is none (a journal from before the log, or a fresh one). */
export async function readLogBytes(journalPath: string): Promise<Buffer> {
  return (await readJournalBytes(logPathOf(journalPath))) ?? Buffer.alloc(0)
}

export class LogFile {
  readonly path: string
  #handle: FileHandle
  #size: number
  #records: number
  #lastSeq: number
  /** Set when an append failed and could not be cut back off: no further change may be appended. */
  #broken = ''
  /** A protected journal's key: every record is sealed with it. */
  #key: JournalKey | null

  private constructor(
    path: string,
    handle: FileHandle,
    size: number,
    records: number,
    lastSeq: number,
    key: JournalKey | null
  ) {
    this.path = path
    this.#key = key
    this.#handle = handle
    this.#size = size
    this.#records = records
    this.#lastSeq = lastSeq
  }

  /**
   * Opens the log of `journalPath` for appending after its first `goodBytes` bytes (a torn last record
   * beyond them is cut off), creating it durably when missing. `records` and `lastSeq` describe what it holds.
   */
  static async open(
    journalPath: string,
    goodBytes: number,
    records: number,
    lastSeq: number,
    key: JournalKey | null = null
  ): Promise<LogFile> {
    const path = logPathOf(journalPath)
    let handle: FileHandle
    try {
      handle = await open(path, 'r+')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      await writeFileDurable(path, '')
      handle = await open(path, 'r+')
    }
    if ((await handle.stat()).size !== goodBytes) {
      await handle.truncate(goodBytes)
      await handle.sync()
    }
    return new LogFile(path, handle, goodBytes, records, lastSeq, key)
  }

  get size(): number {
    return this.#size
  }

  get records(): number {
    return this.#records
  }

  /** The sequence number of the last change appended (or held by the snapshot, if none since). */
  get lastSeq(): number {
    return this.#lastSeq
  }

  /** Appends the next change and returns once it is durable. */
  async append(ops: ChangeOp[]): Promise<void> {
    if (this.#broken) throw new Error(this.#broken)
    const seq = this.#lastSeq + 1
    const bytes = encodeRecord({ seq, ops }, this.#key)
    try {
      await this.#handle.write(bytes, 0, bytes.length, this.#size)
      await this.#handle.datasync()
    } catch (error) {
      await this.#cutBack(error)
      throw error
    }
    this.#size += bytes.length
    this.#records++
    this.#lastSeq = seq
  }

  async #cutBack(cause: unknown): Promise<void> {
    try {
      await this.#handle.truncate(this.#size)
      await this.#handle.datasync()
    } catch {
      this.#broken = `the change log could not be repaired after a failed save (${(cause as Error).message}); close Rapport and open it again`
    }
  }

  /** The bytes appended since the log was `offset` bytes long. */
  async bytesSince(offset: number): Promise<Buffer> {
    const length = this.#size - offset
    const buffer = Buffer.alloc(length)
    if (length > 0) await this.#handle.read(buffer, 0, length, offset)
    return buffer
  }

  /**
   * Replaces the log with one holding only `keep` (whole records, `records` of them), atomically: a crash
   * leaves the old log or the new one. Old records the snapshot already holds are skipped on replay anyway.
   */
  async restart(keep: Buffer, records: number): Promise<void> {
    await writeFileDurable(this.path, keep)
    const handle = await open(this.path, 'r+')
    await this.#handle.close()
    this.#handle = handle
    this.#size = keep.length
    this.#records = records
  }

  async close(): Promise<void> {
    await this.#handle.close()
  }
}
