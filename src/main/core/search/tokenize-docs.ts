/**
 * Turns documents' texts into (word, field) keys for the index. Written as one self-contained function —
 * no imports, nothing from outside its body — because it also runs in a worker thread from its own
 * source text, so a large journal is tokenised on both cores at once. The logic matches foldWord in
 * tokenize.ts (used for queries and snippets); search.test.ts checks the one- and two-thread builds agree.
 */
export interface TokenizedDocs {
  /** The words, numbered locally in order of first appearance. */
  terms: string[]
  /** For each document in turn, its distinct (word id × 2 + field) keys; field 0 is head, 1 is body. */
  keys: Uint32Array
  length: number
  /** Where each document's keys end in `keys`. */
  docEnds: Uint32Array
}

export function tokenizeDocs(heads: readonly string[], bodies: readonly string[], stopWords: readonly string[]): TokenizedDocs {
  const WORD = /[\p{L}\p{N}]/u
  const stopSet = new Set(stopWords)
  const terms: string[] = []
  const byText = new Map<string, number>()
  // Words are found through an open-addressing table (slotId holds id + 1; 0 is empty) and compared with
  // their characters in one pool: typed arrays in locals, which V8 reads faster than strings or closures.
  let capacity = 1 << 8
  let slotHash = new Int32Array(capacity)
  let slotId = new Int32Array(capacity)
  let pool = new Uint16Array(1 << 10)
  let poolLength = 0
  let termStart = new Int32Array(1 << 7)
  let termLength = new Int32Array(1 << 7)
  let termHash = new Int32Array(1 << 7)
  let stamp = new Int32Array(1 << 7)
  let stop = new Uint8Array(1 << 7)
  let keys = new Uint32Array(1 << 8)
  let length = 0
  const docEnds = new Uint32Array(heads.length)

  // Only for characters above ASCII, which are rare: letters and digits of any script, and combining marks.
  const isWordChar = (text: string, i: number) => {
    const code = text.charCodeAt(i)
    return (code >= 0x300 && code <= 0x36f) || WORD.test(text[i]!)
  }
  const fnv = (word: string) => {
    let hash = 2166136261
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619)
    return hash | 0
  }

  for (let doc = 0; doc < heads.length; doc++) {
    for (let field = 0; field < 2; field++) {
      const text = field === 0 ? heads[doc]! : bodies[doc]!
      const mark = doc * 2 + field + 1
      const textLength = text.length
      let i = 0
      while (i < textLength) {
        let code = text.charCodeAt(i)
        if (!((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57))) {
          if (code <= 127 || !isWordChar(text, i)) {
            i++
            continue
          }
        }
        const start = i
        let hash = 2166136261
        let plain = true
        while (i < textLength) {
          code = text.charCodeAt(i)
          if (code >= 65 && code <= 90) code += 32
          else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) {
            if (code > 127 && isWordChar(text, i)) plain = false
            else break
          }
          hash = Math.imul(hash ^ code, 16777619)
          i++
        }
        hash |= 0
        let id = -1
        let word = ''
        if (!plain) {
          word = text.slice(start, i).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
          id = byText.get(word) ?? -1
          if (id === -1) hash = fnv(word)
        } else {
          const wordLength = i - start
          const mask = capacity - 1
          for (let slot = hash & mask; slotId[slot] !== 0; slot = (slot + 1) & mask) {
            if (slotHash[slot] !== hash) continue
            const candidate = slotId[slot]! - 1
            if (termLength[candidate] !== wordLength) continue
            let at = termStart[candidate]!
            let k = start
            for (; k < i; k++, at++) {
              let c = text.charCodeAt(k)
              if (c >= 65 && c <= 90) c += 32
              if (pool[at] !== c) break
            }
            if (k === i) {
              id = candidate
              break
            }
          }
          if (id === -1) word = text.slice(start, i).toLowerCase()
        }
        if (id === -1) {
          // A new word: number it, keep its characters, and grow whatever is full.
          id = terms.length
          terms.push(word)
          byText.set(word, id)
          if (id >= termStart.length) {
            const n = termStart.length * 2
            const grow = (a: Int32Array) => {
              const grown = new Int32Array(n)
              grown.set(a)
              return grown
            }
            termStart = grow(termStart)
            termLength = grow(termLength)
            termHash = grow(termHash)
            stamp = grow(stamp)
            const flags = new Uint8Array(n)
            flags.set(stop)
            stop = flags
          }
          if (poolLength + word.length > pool.length) {
            const grown = new Uint16Array(Math.max(pool.length * 2, poolLength + word.length))
            grown.set(pool)
            pool = grown
          }
          termStart[id] = poolLength
          termLength[id] = word.length
          termHash[id] = hash
          for (let k = 0; k < word.length; k++) pool[poolLength++] = word.charCodeAt(k)
          stop[id] = stopSet.has(word) ? 1 : 0
          // Place the new word in the table; a table grown to keep it half empty takes every word again.
          const grew = terms.length * 2 > capacity
          if (grew) {
            capacity *= 2
            slotHash = new Int32Array(capacity)
            slotId = new Int32Array(capacity)
          }
          for (let known = grew ? 0 : id; known <= id; known++) {
            let slot = termHash[known]! & (capacity - 1)
            while (slotId[slot] !== 0) slot = (slot + 1) & (capacity - 1)
            slotHash[slot] = termHash[known]!
            slotId[slot] = known + 1
          }
        }
        // Each word counts once per document and field; small words are not posted for long text.
        if (stamp[id] === mark || (field === 1 && stop[id] === 1)) continue
        stamp[id] = mark
        if (length === keys.length) {
          const grown = new Uint32Array(keys.length * 2)
          grown.set(keys)
          keys = grown
        }
        keys[length++] = id * 2 + field
      }
    }
    docEnds[doc] = length
  }
  return { terms, keys, length, docEnds }
}
