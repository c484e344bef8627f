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
  const terms: string[] = []
  const byText = new Map<string, number>()
  // Small to start (one document at a time is common); everything grows as needed.
  let slots = new Int32Array(1 << 10)
  let stamp = new Int32Array(1 << 8)
  let stop = new Uint8Array(1 << 8)
  const stopSet = new Set(stopWords)
  let keys = new Uint32Array(1 << 10)
  let length = 0
  const docEnds = new Uint32Array(heads.length)

  const hashOf = (word: string) => {
    let hash = 2166136261
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619)
    return hash | 0
  }
  const place = (id: number, hash: number) => {
    const mask = (slots.length >> 1) - 1
    let slot = hash & mask
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask
    slots[2 * slot] = hash
    slots[2 * slot + 1] = id + 1
  }
  const addTerm = (term: string, hash: number) => {
    const id = terms.length
    terms.push(term)
    byText.set(term, id)
    if (terms.length * 4 > slots.length) {
      slots = new Int32Array(slots.length * 2)
      for (let known = 0; known < id; known++) place(known, hashOf(terms[known]!))
    }
    place(id, hash)
    if (id >= stamp.length) {
      const grown = new Int32Array(stamp.length * 2)
      grown.set(stamp)
      stamp = grown
      const flags = new Uint8Array(stop.length * 2)
      flags.set(stop)
      stop = flags
    }
    stop[id] = stopSet.has(term) ? 1 : 0
    return id
  }
  const push = (key: number) => {
    if (length === keys.length) {
      const grown = new Uint32Array(keys.length * 2)
      grown.set(keys)
      keys = grown
    }
    keys[length++] = key
  }
  const isWordChar = (text: string, i: number) => {
    const code = text.charCodeAt(i)
    return (code >= 0x300 && code <= 0x36f) || WORD.test(text[i]!)
  }

  for (let doc = 0; doc < heads.length; doc++) {
    for (let field = 0; field < 2; field++) {
      const text = field === 0 ? heads[doc]! : bodies[doc]!
      const mark = doc * 2 + field + 1
      const textLength = text.length
      let i = 0
      while (i < textLength) {
        let code = text.charCodeAt(i)
        const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
        if (!letter && (code <= 127 || !isWordChar(text, i))) {
          i++
          continue
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
        let id = -1
        if (plain) {
          const mask = (slots.length >> 1) - 1
          const wordLength = i - start
          for (let slot = hash & mask; slots[2 * slot + 1] !== 0 && id === -1; slot = (slot + 1) & mask) {
            if (slots[2 * slot] !== (hash | 0)) continue
            const candidate = slots[2 * slot + 1]! - 1
            const term = terms[candidate]!
            if (term.length !== wordLength) continue
            let same = true
            for (let k = 0; k < wordLength && same; k++) {
              let c = text.charCodeAt(start + k)
              if (c >= 65 && c <= 90) c += 32
              same = term.charCodeAt(k) === c
            }
            if (same) id = candidate
          }
          if (id === -1) id = addTerm(text.slice(start, i).toLowerCase(), hash | 0)
        } else {
          const word = text.slice(start, i).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
          const known = byText.get(word)
          id = known ?? addTerm(word, hashOf(word))
        }
        // Each word counts once per document and field; small words are not posted for long text.
        if (stamp[id] === mark || (field === 1 && stop[id] === 1)) continue
        stamp[id] = mark
        push(id * 2 + field)
      }
    }
    docEnds[doc] = length
  }
  return { terms, keys, length, docEnds }
}
