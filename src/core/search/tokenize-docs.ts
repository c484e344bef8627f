/**
 * Turns documents' texts into (word, field) keys for the index. Written as one self-contained function —
 * nothing from outside its body but the fold it is given — because its source text is part of the saved
 * index's rules fingerprint (saved-index.ts), as is the fold's: a change to either must change that text.
 * ASCII words are lower-cased here as they are read; every other word goes through `fold`, the same
 * function queries and snippets fold with (tokenize.ts).
 */
export interface TokenizedDocs {
  /** The words, numbered locally in order of first appearance. */
  terms: string[]
  /** For each document in turn, its distinct (word id × fields + field) keys. */
  keys: Uint32Array
  length: number
  /** Where each document's keys end in `keys`. */
  docEnds: Uint32Array
}

/**
 * `fields[f][doc]` is document `doc`'s text in field `f`; small words are skipped in the last field (long
 * text) only.
 */
export function tokenizeDocs(
  fields: ReadonlyArray<readonly string[]>,
  stopWords: readonly string[],
  fold: (word: string) => string
): TokenizedDocs {
  const WORD = /[\p{L}\p{N}\p{M}]/u
  const fieldCount = fields.length
  const longField = fieldCount - 1
  const docCount = fields[0]!.length
  const stopSet = new Set(stopWords)
  const terms: string[] = []
  const byText = new Map<string, number>()
  // Words are found through an open-addressing table of (hash, id + 1) pairs, 0 meaning empty. A word is
  // known by two independent 32-bit hashes and its length: at 100,000 distinct words the chance that any
  // two share all three is below 1 in 3 billion (n²/2 pairs × 2⁻⁶⁴), and comparing characters instead took
  // a third of a build (measured). Such a pair would only share postings; the journal itself is untouched.
  // Per word, one record holds what the loop reads: second hash, length, last document seen, stop flag.
  const RECORD = 4
  let capacity = 1 << 8
  let table = new Int32Array(capacity * 2)
  let record = new Int32Array(RECORD << 7)
  let firstHash = new Int32Array(1 << 7)
  let keys = new Uint32Array(1 << 8)
  let length = 0
  const docEnds = new Uint32Array(docCount)

  // Only for characters above ASCII, which are rare: letters, digits and marks of any script.
  const isWordChar = (text: string, i: number) => WORD.test(text[i]!)
  // The same two hashes as the loop below computes, for words that had to be folded as strings.
  const hashes = (word: string): [number, number] => {
    let first = 2166136261
    let second = 0x9747b28c
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i)
      first = Math.imul(first ^ code, 16777619)
      second = Math.imul(second + code, 0x9e3779b1)
    }
    return [first | 0, second | 0]
  }

  for (let doc = 0; doc < docCount; doc++) {
    for (let field = 0; field < fieldCount; field++) {
      const text = fields[field]![doc]!
      const mark = doc * fieldCount + field + 1
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
        // FNV-1a and a multiplicative hash, over the folded characters.
        let hash = 2166136261
        let second = 0x9747b28c
        let plain = true
        while (i < textLength) {
          code = text.charCodeAt(i)
          if (code >= 65 && code <= 90) code += 32
          else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) {
            if (code > 127 && isWordChar(text, i)) plain = false
            else break
          }
          hash = Math.imul(hash ^ code, 16777619)
          second = Math.imul(second + code, 0x9e3779b1)
          i++
        }
        hash |= 0
        second |= 0
        let id = -1
        let word = ''
        let wordLength = i - start
        if (!plain) {
          word = fold(text.slice(start, i))
          // Nothing but marks or stretching (tatweel): no word.
          if (word === '') continue
          id = byText.get(word) ?? -1
          if (id === -1) [hash, second] = hashes(word)
          wordLength = word.length
        } else {
          const mask = capacity - 1
          for (let slot = hash & mask; table[slot * 2 + 1] !== 0; slot = (slot + 1) & mask) {
            if (table[slot * 2] !== hash) continue
            const candidate = table[slot * 2 + 1]! - 1
            if (record[candidate * RECORD] === second && record[candidate * RECORD + 1] === wordLength) {
              id = candidate
              break
            }
          }
          if (id === -1) word = text.slice(start, i).toLowerCase()
        }
        if (id === -1) {
          // A new word: number it, keep its record, and grow whatever is full.
          id = terms.length
          terms.push(word)
          byText.set(word, id)
          if (id >= firstHash.length) {
            const grownHash = new Int32Array(firstHash.length * 2)
            grownHash.set(firstHash)
            firstHash = grownHash
            const grownRecord = new Int32Array(record.length * 2)
            grownRecord.set(record)
            record = grownRecord
          }
          firstHash[id] = hash
          record[id * RECORD] = second
          record[id * RECORD + 1] = wordLength
          record[id * RECORD + 3] = stopSet.has(word) ? 1 : 0
          // Place the new word in the table; a table grown to keep it half empty takes every word again.
          const grew = terms.length * 2 > capacity
          if (grew) {
            capacity *= 2
            table = new Int32Array(capacity * 2)
          }
          for (let known = grew ? 0 : id; known <= id; known++) {
            let slot = firstHash[known]! & (capacity - 1)
            while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & (capacity - 1)
            table[slot * 2] = firstHash[known]!
            table[slot * 2 + 1] = known + 1
          }
        }
        // Each word counts once per document and field; small words are not posted for long text.
        if (record[id * RECORD + 2] === mark || (field === longField && record[id * RECORD + 3] === 1)) continue
        record[id * RECORD + 2] = mark
        if (length === keys.length) {
          const grown = new Uint32Array(keys.length * 2)
          grown.set(keys)
          keys = grown
        }
        keys[length++] = id * fieldCount + field
      }
    }
    docEnds[doc] = length
  }
  return { terms, keys, length, docEnds }
}
