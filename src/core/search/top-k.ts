/** The K best-scoring documents, kept in a small min-heap: O(n log K) instead of sorting every match. */
export class TopK {
  #ids: number[] = []
  #scores: number[] = []
  #k: number

  constructor(k: number) {
    this.#k = k
  }

  offer(id: number, score: number): void {
    const scores = this.#scores
    if (scores.length < this.#k) {
      this.#ids.push(id)
      scores.push(score)
      this.#up(scores.length - 1)
    } else if (score > scores[0]!) {
      this.#ids[0] = id
      scores[0] = score
      this.#down(0)
    }
  }

  /** Best first. */
  sorted(): Array<{ id: number; score: number }> {
    return this.#ids.map((id, i) => ({ id, score: this.#scores[i]! })).sort((a, b) => b.score - a.score)
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.#scores[parent]! <= this.#scores[i]!) return
      this.#swap(i, parent)
      i = parent
    }
  }

  #down(i: number): void {
    const n = this.#scores.length
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let smallest = i
      if (l < n && this.#scores[l]! < this.#scores[smallest]!) smallest = l
      if (r < n && this.#scores[r]! < this.#scores[smallest]!) smallest = r
      if (smallest === i) return
      this.#swap(i, smallest)
      i = smallest
    }
  }

  #swap(a: number, b: number): void {
    ;[this.#ids[a], this.#ids[b]] = [this.#ids[b]!, this.#ids[a]!]
    ;[this.#scores[a], this.#scores[b]] = [this.#scores[b]!, this.#scores[a]!]
  }
}
