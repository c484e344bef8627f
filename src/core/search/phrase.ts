/**
 * Adjacency: whether the words of a query stand next to each other, in order, in a document — "sample data"
 * in a note is a phrase, "sample" in one sentence and "data" three lines down is not. The index keeps no
 * positions (they would double its size), so the few best documents are read again instead.
 */
import type { SearchDoc } from './documents.ts'
import { STOP_WORDS } from './stop-words.ts'
import { words } from './tokenize.ts'

/**
 * How many of the query's neighbouring word pairs (first–second, second–third…) stand next to each other in
 * one of the document's fields. `terms[i]` holds every word the query's i-th word matched (itself, the words
 * it begins, its typos). Small words between them are skipped, as the query skipped them.
 */
export function adjacentPairs(doc: SearchDoc, terms: ReadonlyArray<ReadonlySet<string>>): number {
  const found = new Uint8Array(Math.max(0, terms.length - 1))
  for (const text of [doc.title, doc.about, doc.body]) {
    if (text === '') continue
    if (ASCII.test(text)) findInAscii(text.toLowerCase(), terms, found)
    else findInWords(words(text), terms, found)
    if (found.every((pair) => pair === 1)) break
  }
  return found.reduce((sum, pair) => sum + pair, 0)
}

const ASCII = /^\p{ASCII}*$/u

/** Most notes: each word a pair starts with is looked for with indexOf, and only the word after it is read. */
function findInAscii(text: string, terms: ReadonlyArray<ReadonlySet<string>>, found: Uint8Array): void {
  for (let i = 0; i < found.length; i++) {
    for (const first of terms[i]!) {
      for (let at = text.indexOf(first); at >= 0 && found[i] === 0; at = text.indexOf(first, at + 1)) {
        const end = at + first.length
        if (isWordCode(text.charCodeAt(at - 1)) || isWordCode(text.charCodeAt(end))) continue
        if (terms[i + 1]!.has(nextWord(text, end))) found[i] = 1
      }
    }
  }
}

/** The first word from `from` on that is not a small word; '' at the end. */
function nextWord(text: string, from: number): string {
  let at = from
  for (;;) {
    while (at < text.length && !isWordCode(text.charCodeAt(at))) at++
    const start = at
    while (at < text.length && isWordCode(text.charCodeAt(at))) at++
    const word = text.slice(start, at)
    if (word === '' || !STOP_WORDS.has(word)) return word
  }
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
}

/** Other scripts and accented text: word by word, as the index folds them. */
function findInWords(all: readonly string[], terms: ReadonlyArray<ReadonlySet<string>>, found: Uint8Array): void {
  let previous = ''
  for (const word of all) {
    if (STOP_WORDS.has(word)) continue
    for (let i = 0; i < found.length && previous !== ''; i++) {
      if (terms[i]!.has(previous) && terms[i + 1]!.has(word)) found[i] = 1
    }
    previous = word
  }
}
