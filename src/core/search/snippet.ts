/** Highlight ranges of matched words, and a short window of long text around the first match. */
import type { Marks } from '../../shared/search.ts'
import { eachWord } from './tokenize.ts'

const WINDOW = 180
const LEAD = 60

export function marksIn(text: string, matched: ReadonlySet<string>): Marks {
  const marks: Marks = []
  eachWord(text, (word, start, end) => {
    if (matched.has(word)) marks.push([start, end])
  })
  return marks
}

export function snippetOf(text: string, matched: ReadonlySet<string>): { snippet: string; snippetMarks: Marks } {
  let first = -1
  // Stop at the first match: bodies can be long and only one window is shown.
  try {
    eachWord(text, (word, start) => {
      if (matched.has(word)) {
        first = start
        // A symbol, not an Error: it only unwinds eachWord at the first match and never leaves this function.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw FOUND
      }
    })
  } catch (error) {
    if (error !== FOUND) throw error
  }
  if (first === -1) return { snippet: '', snippetMarks: [] }
  let from = Math.max(0, first - LEAD)
  // Start and end on word boundaries.
  if (from > 0) from = text.indexOf(' ', from) + 1 || from
  let to = Math.min(text.length, from + WINDOW)
  if (to < text.length) to = text.lastIndexOf(' ', to) > first ? text.lastIndexOf(' ', to) : to
  const body = text.slice(from, to).replace(/\s+/g, ' ')
  const snippet = `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`
  return { snippet, snippetMarks: marksIn(snippet, matched) }
}

const FOUND = Symbol('found')
