/**
 * Postings for a whole-journal build, gathered cheaply and laid out once: each (word, field) a document
 * contains is written to one growing buffer in document order, while counting per word; at the end every
 * word's postings become an exact slice of one shared array, in ascending document order.
 */
import { Postings } from './postings.ts'

export class BulkPostings {
  #keys = new Uint32Array(1 << 20)
  #length = 0
  #docEnds: number[] = []
  #counts = new Uint32Array(1 << 15)

  /** Word `id` occurs in the current document's head (false) or body (true) field. */
  note(id: number, body: boolean): void {
    const key = id * 2 + (body ? 1 : 0)
    if (this.#length === this.#keys.length) {
      const grown = new Uint32Array(this.#keys.length * 2)
      grown.set(this.#keys)
      this.#keys = grown
    }
    this.#keys[this.#length++] = key
    if (key >= this.#counts.length) {
      const grown = new Uint32Array(Math.max(key + 1, this.#counts.length * 2))
      grown.set(this.#counts)
      this.#counts = grown
    }
    this.#counts[key]!++
  }

  endDoc(): void {
    this.#docEnds.push(this.#length)
  }

  /** Fills `head[id]` and `body[id]` for every word that has postings. */
  layOut(head: Postings[], body: Postings[]): void {
    const counts = this.#counts
    const offsets = new Uint32Array(counts.length + 1)
    for (let key = 0; key < counts.length; key++) offsets[key + 1] = offsets[key]! + counts[key]!
    const all = new Uint32Array(offsets[counts.length]!)
    const fill = offsets.slice(0, counts.length)
    let k = 0
    for (let doc = 0; doc < this.#docEnds.length; doc++) {
      const end = this.#docEnds[doc]!
      for (; k < end; k++) {
        const key = this.#keys[k]!
        all[fill[key]!++] = doc
      }
    }
    for (let key = 0; key < counts.length; key++) {
      if (counts[key] === 0) continue
      const lists = key % 2 === 0 ? head : body
      lists[key >> 1] = Postings.view(all.subarray(offsets[key]!, offsets[key + 1]!))
    }
  }
}
