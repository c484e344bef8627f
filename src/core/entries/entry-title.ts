/** A conversation's title when none was typed: the first line of its notes, cut at a word. */
import { RapportError } from '../rapport-error.ts'

const MAX_TITLE = 200

export function titleOrFirstLine(title: string, body: string): string {
  const typed = title.trim()
  if (typed) return typed
  const line = (body.split('\n').find((l) => l.trim() !== '') ?? '')
    // Markdown's heading marks, list bullets and emphasis are not part of the words.
    .replace(/^\s*(#+|[-*+]|\d+[.)])\s+/, '')
    .replace(/[*_`]+/g, '')
    .trim()
  if (!line) throw new RapportError('invalid-input', 'Write a title or a note.', 'conversation.title')
  if (line.length <= MAX_TITLE) return line
  const cut = line.slice(0, MAX_TITLE - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > MAX_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
