/**
 * A lowdb adapter that writes durably (see durable-write.ts) and queues writes, so each write resolves
 * only after its own bytes are safely on disk. lowdb's JSONFile neither fsyncs nor uses unique temp names.
 */
import type { Adapter } from 'lowdb'
import { readFile } from 'node:fs/promises'
import { writeFileDurable } from './durable-write.ts'
import { sha256 } from './file-hash.ts'

export class DurableJsonFile<T> implements Adapter<T> {
  #path: string
  #parse: (text: string) => T
  #queue: Promise<unknown> = Promise.resolve()
  /** SHA-256 of the file as last written here, or as the store read it on opening: what is on disk. */
  hash = ''

  constructor(path: string, parse: (text: string) => T) {
    this.#path = path
    this.#parse = parse
  }

  /** null only when the file does not exist; a file that exists but cannot be parsed throws. */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.#path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return this.#parse(text)
  }

  write(data: T): Promise<void> {
    // Serialise now, so later changes to `data` cannot leak into this write.
    const text = serializeJournal(data)
    const done = this.#queue.then(async () => {
      await writeFileDurable(this.#path, text)
      this.hash = sha256(text)
    })
    // The queue keeps going after a failed write; the failure still reaches this write's caller.
    this.#queue = done.catch(() => undefined)
    return done
  }
}

export function serializeJournal(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`
}
