/**
 * A head start on the search index of a journal being opened. Validating a large journal keeps the main
 * thread busy for a fifth of a second or more while the second core idles; handed the file's contents as
 * soon as they are parsed, a worker tokenises the later part of the documents meanwhile. At M this brought
 * a launch without a saved index from ~1.22 s to ~1.14 s here (docs/performance.md).
 *
 * The contents are not yet validated, so SearchIndex.build uses the worker's work only when the validated
 * journal makes exactly the same texts, document for document; otherwise it stops the worker and builds
 * as usual. Nothing the worker sees is ever written anywhere.
 */
import type { Journal } from '../../../shared/schema/journal.ts'
import { documentsOf } from './documents.ts'
import { PARALLEL_FROM_CHARS, splitAt, tokenizeInWorker } from './parallel-tokenize.ts'
import { STOP_WORDS } from './stop-words.ts'
import type { TokenizedDocs } from './tokenize-docs.ts'

/**
 * The worker's share of the text. It starts while the main thread still validates, so it takes more than
 * half; measured at M, 0.6 had both threads finish at about the same time.
 */
const WORKER_SHARE = 0.6

export interface HeadStart {
  /** The texts the worker was given documents from: all of them, in document order. */
  heads: readonly string[]
  bodies: readonly string[]
  /** The worker tokenises documents from `from` on. */
  from: number
  /** The worker's result; null if it failed or was stopped. */
  part: Promise<TokenizedDocs | null>
  /** Stops the worker, when its work will not be used. */
  stop(): void
}

/** Starts tokenising the later part of `contents` (a parsed journal file), or returns null when not worth it. */
export function startHeadStart(contents: unknown, parallelFromChars = PARALLEL_FROM_CHARS): HeadStart | null {
  const heads: string[] = []
  const bodies: string[] = []
  let total = 0
  try {
    for (const doc of documentsOf(contents as Journal)) {
      heads.push(doc.head)
      bodies.push(doc.body)
      total += doc.body.length
    }
  } catch {
    // Not shaped like a journal: validation is about to say how, and the index will not be built.
    return null
  }
  if (total < parallelFromChars || heads.some((head) => typeof head !== 'string') || bodies.some((body) => typeof body !== 'string')) return null
  const from = splitAt(heads, bodies, WORKER_SHARE)
  const controller = new AbortController()
  const part = tokenizeInWorker(heads.slice(from), bodies.slice(from), [...STOP_WORDS], controller.signal).catch(() => null)
  return { heads, bodies, from, part, stop: () => controller.abort() }
}

/** Whether the head start was made from exactly these texts (the validated journal's). */
export function madeFrom(start: HeadStart, heads: readonly string[], bodies: readonly string[]): boolean {
  if (start.heads.length !== heads.length) return false
  // Mostly the very same strings (validation passes text through), so this is quick.
  for (let doc = 0; doc < heads.length; doc++) if (start.heads[doc] !== heads[doc] || start.bodies[doc] !== bodies[doc]) return false
  return true
}
