/**
 * One word's documents in one field, in ascending order, stored as gaps in a Uint16Array: 2 bytes a posting
 * instead of 4, which is most of the index's memory at 17M postings. A gap of 65,535 or more (rare words in
 * a large journal) is written as ESCAPE followed by the document number in two halves.
 */
export const ESCAPE = 0xffff

export class Postings {
  /** The encoded gaps, `size` entries long (toArray decodes them; the query loop decodes them inline). */
  data: Uint16Array
  size = 0
  /** How many documents (postings) the list holds. */
  length = 0
  /** The last document added: the next gap is counted from it (the first from 0). */
  last = 0

  constructor(capacity = 4) {
    this.data = new Uint16Array(capacity)
  }

  /** A list over an exact slice of a shared buffer (from a bulk build); the first push copies it out. */
  static view(data: Uint16Array, length: number, last: number): Postings {
    const list = new Postings(0)
    list.data = data
    list.size = data.length
    list.length = length
    list.last = last
    return list
  }

  /** Appends a document; documents must come in ascending order. */
  push(id: number): void {
    if (this.size + 3 > this.data.length) {
      const grown = new Uint16Array(Math.max(4, this.data.length * 2))
      grown.set(this.data.subarray(0, this.size))
      this.data = grown
    }
    this.size = writePosting(this.data, this.size, id, this.last)
    this.last = id
    this.length++
  }

  /** The documents, decoded: for tests and compaction, not for the query loop. */
  toArray(): number[] {
    const out: number[] = []
    let doc = 0
    for (let i = 0; i < this.size;) {
      const gap = this.data[i++]!
      if (gap === ESCAPE) {
        doc = this.data[i]! * 65536 + this.data[i + 1]!
        i += 2
      } else doc += gap
      out.push(doc)
    }
    return out
  }
}

/** How many Uint16 entries `ids[from..to)` (ascending) take once encoded. Ranges, not subarrays: a bulk build
 * encodes tens of thousands of lists out of one array, and a view per list costs more than its encoding. */
export function encodedSize(ids: Uint32Array, from: number, to: number): number {
  let size = 0
  for (let i = from; i < to; i++) size += ids[i]! - (i > from ? ids[i - 1]! : 0) >= ESCAPE ? 3 : 1
  return size
}

/** Writes `ids[from..to)` (ascending) encoded into `out` from `at`; returns where it ended. */
export function encodeInto(ids: Uint32Array, from: number, to: number, out: Uint16Array, at: number): number {
  for (let i = from; i < to; i++) at = writePosting(out, at, ids[i]!, i > from ? ids[i - 1]! : 0)
  return at
}

/** Writes document `id`, which follows `last`, at `at`: a gap, or ESCAPE and the number. Returns the end. */
function writePosting(out: Uint16Array, at: number, id: number, last: number): number {
  const gap = id - last
  if (gap < ESCAPE) {
    out[at] = gap
    return at + 1
  }
  out[at] = ESCAPE
  out[at + 1] = id >>> 16
  out[at + 2] = id & 0xffff
  return at + 3
}

/** Stands for "no postings yet" in the index's dense per-word arrays; never pushed to. */
export const EMPTY = new Postings(0)
