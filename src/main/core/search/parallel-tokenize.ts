/** Runs tokenizeDocs in a worker thread, so the index of a large journal is built on two cores. */
import { Worker } from 'node:worker_threads'
import { tokenizeDocs } from './tokenize-docs.ts'
import type { TokenizedDocs } from './tokenize-docs.ts'

// The worker is started from tokenizeDocs's own source, so it runs the same code whether the app runs
// from the bundle, the tests or the CLI, with no separate worker file to find.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const tokenizeDocs = ${tokenizeDocs.toString()}
const result = tokenizeDocs(workerData.heads, workerData.bodies, workerData.stopWords)
parentPort.postMessage(result, [result.keys.buffer, result.docEnds.buffer])
`

export function tokenizeInWorker(heads: string[], bodies: string[], stopWords: string[]): Promise<TokenizedDocs> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true, workerData: { heads, bodies, stopWords } })
    worker.once('message', (result: TokenizedDocs) => {
      resolve(result)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`search: the indexing worker stopped with code ${code}`))
    })
  })
}
