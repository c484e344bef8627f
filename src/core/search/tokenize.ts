/**
 * Words for the search index: split on anything that is not a letter, a digit or a mark on one, and folded
 * by the one fold Rapport compares words with (shared/fold-key.ts). Written as a character loop because it
 * runs over every word of the journal.
 */
import { foldWord } from '../../shared/fold-key.ts'

const WORD = /[\p{L}\p{N}\p{M}]/u

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
      (code > 127 && WORD.test(text[i]!))
    if (isWord) {
      if (start === -1) start = i
    } else if (start !== -1) {
      const word = foldWord(text.slice(start, i))
      if (word !== '') visit(word, start, i)
      start = -1
    }
  }
}

export function words(text: string): string[] {
  const out: string[] = []
  eachWord(text, (word) => out.push(word))
  return out
}
