/**
 * Every distinct word in the journal, numbered, with a sorted view for prefix and typo matching. It stays
 * small: the vocabulary is tens of thousands of words even for a journal of a hundred thousand entries.
 */
export class Vocabulary {
  #ids = new Map<string, number>()
  readonly terms: string[] = []
  #sorted: string[] = []
  /** See #sharedPrefixes; null until the next typo search after a word was added. */
  #shared: Uint8Array | null = null
  /** The typo search's table rows, kept between searches (row d: after d letters of a vocabulary word). */
  #rows: Int32Array[] = []
  #rowsMax = 0
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

  add(term: string): number {
    const known = this.#ids.get(term)
    if (known !== undefined) return known
    const id = this.terms.length
    this.terms.push(term)
    this.#ids.set(term, id)
    if (this.#bulk) this.#sorted.push(term)
    else this.#sorted.splice(lowerBound(this.#sorted, term), 0, term)
    this.#shared = null
    return id
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

  /**
   * Ids of the words at most `max` typos from `word`, with how many: optimal string alignment distance,
   * where a swap of neighbours is one typo. The word itself is left out. The sorted words are walked as a
   * trie: a word shares the rows of its distance table with the word before it as far as they begin alike,
   * only the cells within `max` of the diagonal are computed, and once no word beginning like this one can
   * come within `max`, all of them are skipped at once.
   */
  typosOf(word: string, max: number): Array<[id: number, typos: number]> {
    const out: Array<[number, number]> = []
    if (max <= 0) return out
    const sorted = this.#sorted
    const shared = this.#sharedPrefixes()
    const m = word.length
    const cap = max + 1
    const codes = Int32Array.from(word, (_, j) => word.charCodeAt(j))
    if (this.#rows.length === 0 || this.#rows[0]!.length < m + 1 || this.#rowsMax !== max) {
      this.#rows = []
      this.#rowsMax = max
    }
    const rows = this.#rows
    const first = (rows[0] ??= new Int32Array(Math.max(m + 1, 16)))
    for (let j = 0; j < first.length; j++) first[j] = Math.min(j, cap)
    let valid = 0
    for (let i = 0; i < sorted.length;) {
      const term = sorted[i]!
      let d = Math.min(shared[i]!, valid, term.length)
      let pruned = false
      while (d < term.length) {
        d++
        const row = (rows[d] ??= new Int32Array(first.length).fill(cap))
        const above = rows[d - 1]!
        const code = term.charCodeAt(d - 1)
        const before = d > 1 ? term.charCodeAt(d - 2) : -1
        const lo = d - max > 1 ? d - max : 1
        const hi = d + max < m ? d + max : m
        let least = cap
        if (lo === 1) least = row[0] = d < cap ? d : cap
        for (let j = lo; j <= hi; j++) {
          let cost = above[j - 1]! + (code === codes[j - 1] ? 0 : 1)
          const up = above[j]! + 1
          if (up < cost) cost = up
          const left = row[j - 1]! + 1
          if (left < cost) cost = left
          if (j > 1 && code === codes[j - 2] && before === codes[j - 1]) {
            const swap = rows[d - 2]![j - 2]! + 1
            if (swap < cost) cost = swap
          }
          if (cost > cap) cost = cap
          row[j] = cost
          if (cost < least) least = cost
        }
        valid = d
        if (least > max) {
          // No word beginning like this one, up to here, can come within `max`: skip them all.
          pruned = true
          i++
          while (i < sorted.length && shared[i]! >= d) i++
          break
        }
      }
      if (pruned) continue
      const typos = rows[term.length]![m]!
      if (typos <= max && term !== word) out.push([this.#ids.get(term)!, typos])
      valid = term.length
      i++
    }
    return out
  }

  /** For each sorted word, how many of its first letters it shares with the word before it (at most 255). */
  #sharedPrefixes(): Uint8Array {
    if (this.#shared) return this.#shared
    const sorted = this.#sorted
    const shared = new Uint8Array(sorted.length)
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!
      const b = sorted[i]!
      const most = Math.min(a.length, b.length, 255)
      let n = 0
      while (n < most && a.charCodeAt(n) === b.charCodeAt(n)) n++
      shared[i] = n
    }
    return (this.#shared = shared)
  }
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
