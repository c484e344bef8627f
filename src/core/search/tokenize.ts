/**
 * Words for the search index: lower-case, accents folded ("García" → "garcia"), split on anything that is
 * not a letter or a digit. Written as a character loop because it runs over every word of the journal.
 */

const WORD = /[\p{L}\p{N}]/u

/** Folds case and accents of one word. ASCII words (almost all of them) skip normalisation. */
export function foldWord(word: string): string {
  let ascii = true
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 127) {
      ascii = false
      break
    }
  }
  const lower = word.toLowerCase()
  return ascii ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '')
}

/** Calls `visit` with each folded word of `text` and where it starts and ends in `text`. */
export function eachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    // Fast path for ASCII letters and digits; everything else above 127 asks the Unicode class.
    const isWord =
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      (code > 127 && WORD.test(text[i]!)) ||
      // Combining marks stay inside a word (decomposed accents).
      (code >= 0x300 && code <= 0x36f)
    if (isWord) {
      if (start === -1) start = i
    } else if (start !== -1) {
      visit(foldWord(text.slice(start, i)), start, i)
      start = -1
    }
  }
}

export function words(text: string): string[] {
  const out: string[] = []
  eachWord(text, (word) => out.push(word))
  return out
}
