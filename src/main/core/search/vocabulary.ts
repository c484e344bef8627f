/**
 * Every distinct word in the journal, numbered, with a sorted view for prefix matching and buckets by
 * length for one-edit typo matching. Both stay small: the vocabulary is tens of thousands of words even
 * for a journal of a hundred thousand entries.
 */
const FNV_OFFSET = 2166136261
const FNV_PRIME = 16777619

/** FNV-1a over UTF-16 code units: the same hash whether computed from a word or read off the text. */
export function hashWord(word: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME)
  return hash >>> 0
}

export class Vocabulary {
  #ids = new Map<string, number>()
  readonly terms: string[] = []
  // An open-addressing table of (hash, id + 1) pairs side by side, so indexing can find a word without
  // slicing it out of the text first (most of the journal's words are already known) and usually with
  // one memory read before the final comparison.
  #slots = new Int32Array(2 << 12)
  #sorted: string[] = []
  #byLength: number[][] = []
  #bulk = false

  /** While building from scratch, sort once at the end instead of inserting each word in place. */
  beginBulk(): void {
    this.#bulk = true
  }

  endBulk(): void {
    this.#bulk = false
    this.#sorted.sort()
  }

  idOf(term: string): number | undefined {
    return this.#ids.get(term)
  }

  /**
   * The id of the lower-case ASCII word `text[start, end)` whose FNV hash (of its lower-cased code units)
   * is `hash`, adding it if new.
   */
  addAscii(text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots
    const mask = (slots.length >> 1) - 1
    const signed = hash | 0
    const length = end - start
    for (let slot = hash & mask; slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
      if (slots[2 * slot] === signed) {
        const id = slots[2 * slot + 1]! - 1
        if (sameLowerAscii(this.terms[id]!, text, start, length)) return id
      }
    }
    return this.add(text.slice(start, end).toLowerCase())
  }

  add(term: string): number {
    const known = this.#ids.get(term)
    if (known !== undefined) return known
    const id = this.terms.length
    this.terms.push(term)
    this.#ids.set(term, id)
    this.#insertHash(id, hashWord(term))
    if (this.#bulk) this.#sorted.push(term)
    else this.#sorted.splice(lowerBound(this.#sorted, term), 0, term)
    ;(this.#byLength[term.length] ??= []).push(id)
    return id
  }

  #insertHash(id: number, hash: number): void {
    if (this.terms.length * 4 > this.#slots.length) {
      // Keep the table at most half full; rehash everything into one twice the size.
      this.#slots = new Int32Array(this.#slots.length * 2)
      for (let known = 0; known < id; known++) this.#place(known, hashWord(this.terms[known]!))
    }
    this.#place(id, hash)
  }

  #place(id: number, hash: number): void {
    const slots = this.#slots
    const mask = (slots.length >> 1) - 1
    let slot = hash & mask
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask
    slots[2 * slot] = hash | 0
    slots[2 * slot + 1] = id + 1
  }

  /** Ids of the words that start with `prefix` (the word itself excluded). */
  withPrefix(prefix: string): number[] {
    const out: number[] = []
    for (let i = lowerBound(this.#sorted, prefix); i < this.#sorted.length; i++) {
      const term = this.#sorted[i]!
      if (!term.startsWith(prefix)) break
      if (term !== prefix) out.push(this.#ids.get(term)!)
    }
    return out
  }

  /** Ids of the words one edit away (insert, delete, substitute, or swap two neighbours). */
  oneEditFrom(word: string): number[] {
    const out: number[] = []
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const id of this.#byLength[length] ?? []) {
        const term = this.terms[id]!
        if (term !== word && withinOneEdit(word, term)) out.push(id)
      }
    }
    return out
  }
}

function sameLowerAscii(term: string, text: string, start: number, length: number): boolean {
  if (term.length !== length) return false
  for (let i = 0; i < length; i++) {
    let c = text.charCodeAt(start + i)
    if (c >= 65 && c <= 90) c += 32
    if (term.charCodeAt(i) !== c) return false
  }
  return true
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Optimal-string-alignment distance ≤ 1, without building a matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return false
  let i = 0
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (la === lb) {
    // One substitution, or one swap of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  // One insertion or deletion.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
