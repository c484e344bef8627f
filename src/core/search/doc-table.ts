/**
 * The index's documents, numbered in the order they were added, with what the query loop reads of each
 * kept in typed arrays: its kind (for the field weights) and its day (for recency), read once rather than
 * on every query.
 */
import type { SearchDoc } from './documents.ts'
import { timeOf } from './query-match.ts'
import { KIND_CODES } from './weights.ts'

const KIND_CODE = new Map(KIND_CODES.map((kind, code) => [kind, code]))

export class DocTable {
  /** null for a document removed since the index was built or compacted. */
  readonly docs: Array<SearchDoc | null> = []
  /** Each document's kind as its code in KIND_CODES. */
  kinds = new Uint8Array(1024)
  /** Each document's day in milliseconds; NaN when it has none. */
  times = new Float64Array(1024)
  #lastContact: Map<string, number> | null = null

  get length(): number {
    return this.docs.length
  }

  push(doc: SearchDoc | null): number {
    const n = this.docs.length
    this.docs.push(doc)
    if (n >= this.kinds.length) {
      const kinds = new Uint8Array(n * 2)
      kinds.set(this.kinds)
      this.kinds = kinds
      const times = new Float64Array(n * 2)
      times.set(this.times)
      this.times = times
    }
    if (doc) {
      this.kinds[n] = KIND_CODE.get(doc.kind)!
      this.times[n] = timeOf(doc.day)
      if (doc.kind === 'conversation') this.#lastContact = null
    }
    return n
  }

  remove(n: number): void {
    if (this.docs[n]?.kind === 'conversation') this.#lastContact = null
    this.docs[n] = null
  }

  /** Each person's last conversation (ms), made on the first search after conversations change. */
  lastContacts(): ReadonlyMap<string, number> {
    if (this.#lastContact) return this.#lastContact
    const last = new Map<string, number>()
    for (const [n, doc] of this.docs.entries()) {
      if (doc?.kind !== 'conversation') continue
      const time = this.times[n]!
      for (const id of doc.personIds) if (!((last.get(id) ?? -Infinity) >= time)) last.set(id, time)
    }
    return (this.#lastContact = last)
  }
}
