/**
 * The SHA-256 of a big journal file, worked out on a thread of its own while this one parses the file: at
 * 20,000 entries the hash (~45 ms) sat between decoding and parsing on every launch. Web Crypto's digest runs
 * on the thread pool too, but copies its input on this thread first (~33 ms for 56 MB); here the bytes are
 * handed over (transferred, not copied) once they are decoded. Small files are hashed here: a thread costs
 * more than they do.
 */
import { readFile } from 'node:fs/promises'
import { Worker } from 'node:worker_threads'
import { sha256 } from './file-hash.ts'

/** From this size a file is hashed on a thread of its own. */
export const OWN_THREAD_FROM = 4 * 1024 * 1024

// Run by `eval` (CommonJS): a worker with no file of its own to find inside the app's bundle.
const HASHER = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
parentPort.once('message', (buffer) => {
  parentPort.postMessage(createHash('sha256').update(new Uint8Array(buffer)).digest('hex'))
})
`

export class BackgroundHash {
  readonly #worker: Worker | null
  #result: Promise<string> | null = null
  #cancelled = false

  /** Starts the thread for a file of `size` bytes worth one, so that it is up once the bytes are decoded. */
  constructor(size: number) {
    this.#worker = size >= OWN_THREAD_FROM ? new Worker(HASHER, { eval: true }) : null
  }

  /**
   * The hash of `bytes`, which belong to the thread from now on (transferred: empty here afterwards). Should
   * the thread fail — never seen — the file at `path`, under the journal's lock, is read again and hashed here.
   */
  of(bytes: Uint8Array, path: string): Promise<string> {
    const worker = this.#worker
    if (!worker) return Promise.resolve(sha256(bytes))
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    // A view into a larger buffer (a Buffer's slice is one) is copied: only its own bytes are handed over.
    const buffer = (whole ? bytes.buffer : new Uint8Array(bytes).buffer) as ArrayBuffer
    this.#result = new Promise<string>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', () => reject(new Error('the hashing thread ended without an answer')))
    })
      .catch(async (error: unknown) => {
        // Stopped on purpose (cancel): nothing to hash again.
        if (this.#cancelled) throw error
        return sha256(await readFile(path))
      })
      .finally(() => void worker.terminate())
    worker.postMessage(buffer, [buffer])
    return this.#result
  }

  /** The bytes could not be read after all: the thread is stopped, whether or not it had them. */
  cancel(): void {
    this.#cancelled = true
    this.#result?.catch(() => undefined)
    void this.#worker?.terminate()
  }
}
