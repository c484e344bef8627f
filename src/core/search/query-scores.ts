/**
 * One query's running scores, kept between queries so that a query allocates almost nothing: per document
 * its total, its best match for the word being looked up, and which of the query's words it matched.
 */
import { ESCAPE } from './postings.ts'
import type { Postings } from './postings.ts'

export class QueryScores {
  total = new Float64Array(0)
  mask = new Uint16Array(0)
  /** The documents that matched any word of this query. */
  touched: number[] = []
  #termScore = new Float64Array(0)
  #termTouched: number[] = []

  /** Makes room for `docs` documents. */
  fit(docs: number): void {
    if (this.total.length >= docs) return
    const size = Math.max(1024, docs * 2)
    this.total = new Float64Array(size)
    this.#termScore = new Float64Array(size)
    this.mask = new Uint16Array(size)
  }

  /**
   * Every document in `list` scores at least `byKind[kinds[doc]]` for the word being looked up: the weight
   * of the field the list is of, for the document's kind, times how well the word matched.
   */
  collect(list: Postings, byKind: Float64Array, kinds: Uint8Array): void {
    const data = list.data
    const score = this.#termScore
    let doc = 0
    for (let i = 0; i < list.size;) {
      const gap = data[i++]!
      if (gap === ESCAPE) {
        doc = data[i]! * 65536 + data[i + 1]!
        i += 2
      } else doc += gap
      const current = score[doc]!
      const weight = byKind[kinds[doc]!]!
      if (current === 0) this.#termTouched.push(doc)
      if (current < weight) score[doc] = weight
    }
  }

  /** Adds word `i`'s scores to the totals: each document keeps its best match for the word, so a prefix with many expansions does not pile up. */
  endWord(i: number): void {
    const { total, mask, touched } = this
    for (const doc of this.#termTouched) {
      if (mask[doc] === 0) touched.push(doc)
      total[doc] = total[doc]! + this.#termScore[doc]!
      mask[doc] = mask[doc]! | (1 << i)
      this.#termScore[doc] = 0
    }
    this.#termTouched.length = 0
  }
}
