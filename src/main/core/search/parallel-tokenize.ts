/** Runs tokenizeDocs in a worker thread, so the index of a large journal is built on two cores. */
import { Worker } from 'node:worker_threads'
import { tokenizeDocs } from './tokenize-docs.ts'
import type { TokenizedDocs } from './tokenize-docs.ts'

/** Below this much text (measured: ~15 MB of notes) one thread is quicker than starting a worker. */
export const PARALLEL_FROM_CHARS = 16_000_000

// The worker is started from tokenizeDocs's own source, so it runs the same code whether the app runs
// from the bundle, the tests or the CLI, with no separate worker file to find.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const tokenizeDocs = ${tokenizeDocs.toString()}
const result = tokenizeDocs(workerData.heads, workerData.bodies, workerData.stopWords)
parentPort.postMessage(result, [result.keys.buffer, result.docEnds.buffer])
`

/** Tokenises in a worker; aborting `signal` stops the worker, and the promise then rejects. */
export function tokenizeInWorker(heads: string[], bodies: string[], stopWords: string[], signal?: AbortSignal): Promise<TokenizedDocs> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: { heads, bodies, stopWords } })
    const stop = () => void worker.terminate()
    signal?.addEventListener('abort', stop, { once: true })
    worker.once('message', (result: TokenizedDocs) => {
      signal?.removeEventListener('abort', stop)
      resolve(result)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop)
      reject(new Error(signal?.aborted ? 'search: indexing was stopped' : `search: the indexing worker stopped with code ${code}`))
    })
  })
}

/** The first document of the part that holds the last `share` of all the text (documents kept whole). */
export function splitAt(heads: readonly string[], bodies: readonly string[], share: number): number {
  let total = 0
  for (let doc = 0; doc < bodies.length; doc++) total += heads[doc]!.length + bodies[doc]!.length
  let split = 0
  for (let seen = 0; split < bodies.length && seen < total * (1 - share); split++) seen += bodies[split]!.length + heads[split]!.length
  return split
}
