/** SHA-256 of a file's bytes (or of a text as UTF-8): how the saved search index knows its journal. */
import { createHash } from 'node:crypto'
import { Worker } from 'node:worker_threads'

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Below this, hashing here is quicker than starting a thread (~50 ms of hashing at 50 MB). */
const OFF_THREAD_FROM_BYTES = 8_000_000

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
parentPort.postMessage(require('node:crypto').createHash('sha256').update(workerData).digest('hex'))
`

/**
 * The same hash, worked out on another thread while this one carries on (a launch parses the journal
 * meanwhile). A large buffer is handed over, not copied: `bytes` is unusable afterwards. Rejects if the
 * thread fails; the caller then hashes what it still has.
 */
export function sha256OffThread(bytes: Uint8Array): Promise<string> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
  if (bytes.length < OFF_THREAD_FROM_BYTES || !whole) return Promise.resolve(sha256(bytes))
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: bytes, transferList: [bytes.buffer as ArrayBuffer] })
    worker.once('message', (hash: string) => {
      resolve(hash)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', () => reject(new Error('the hashing thread stopped')))
  })
}
