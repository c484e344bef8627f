/** A growable list of document numbers in a typed array: 4 bytes a posting, which matters at 18M postings. */
export class Postings {
  ids: Uint32Array
  length = 0

  constructor(capacity = 4) {
    this.ids = new Uint32Array(capacity)
  }

  /** A list over an exact slice of a shared buffer (from a bulk build); the first push copies it out. */
  static view(ids: Uint32Array): Postings {
    const list = new Postings(0)
    list.ids = ids
    list.length = ids.length
    return list
  }

  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Uint32Array(Math.max(4, this.ids.length * 2))
      grown.set(this.ids)
      this.ids = grown
    }
    this.ids[this.length++] = id
  }
}
