/**
 * Every distinct word in the journal, numbered, with a sorted view for prefix matching and buckets by
 * length for one-edit typo matching. Both stay small: the vocabulary is tens of thousands of words even
 * for a journal of a hundred thousand entries.
 */
export class Vocabulary {
  #ids = new Map<string, number>()
  readonly terms: string[] = []
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

  add(term: string): number {
    const known = this.#ids.get(term)
    if (known !== undefined) return known
    const id = this.terms.length
    this.terms.push(term)
    this.#ids.set(term, id)
    if (this.#bulk) this.#sorted.push(term)
    else this.#sorted.splice(lowerBound(this.#sorted, term), 0, term)
    ;(this.#byLength[term.length] ??= []).push(id)
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
