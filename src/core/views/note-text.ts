/**
 * Reading a conversation note as sentences: Markdown marks removed, lines split into sentences, and the filler
 * that opens many notes ("Short call, 20 minutes.", "Quick catch-up over coffee.") recognised so that previews
 * and "what changed" skip it. Plain rules: a sentence is filler when every word in it is one of a small set of
 * words about the call itself.
 */

const FILLER_WORDS = new Set(
  (
    'a about again agenda an and approx approximately around as at attendees back brief breakfast call called calling ' +
    'calls catch catchup chat chatted check checkin coffee demo dinner first follow followup fine for friendly good great ' +
    'he hello her hey hi him hour hours hr hrs i in intro it just long lunch me meet meeting met min mins minute ' +
    'minutes morning afternoon evening nice note notes of ok okay on over phone productive quick quickly roughly she ' +
    'short second so sync teams thank thanks the them they this today up us usual via video we with you zoom'
  ).split(' ')
)
const DURATION = /\b\d+\s*(h|hr|hrs|hours?|m|mins?|minutes?)\b/i

/** A line of Markdown as plain text: no heading, list or quote marks, no emphasis, links as their text. */
export function plainLine(line: string): string {
  return line
    .replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+\[[ xX]\]\s+|[-*+]\s+|\d+[.)]\s+)+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .trim()
}

// Not a sentence end: "e.g.", "approx.", "Mr.", "Inc." and the like.
const ABBREVIATION = /\b(e\.g|i\.e|etc|approx|vs|mr|mrs|ms|dr|inc|ltd|co|no|st)\.$/i

/** The sentences of one plain line, each with its end mark. */
export function sentencesOf(line: string): string[] {
  const sentences: string[] = []
  let current = ''
  for (const piece of line.split(/(?<=[.!?…])\s+/)) {
    current = current ? `${current} ${piece}` : piece
    if (!ABBREVIATION.test(current)) {
      sentences.push(current)
      current = ''
    }
  }
  if (current) sentences.push(current)
  return sentences.map((s) => s.trim()).filter(Boolean)
}

/** Every sentence of a note, in order, with the line it sits on (lines are paragraphs or list items). */
export function noteSentences(body: string): Array<{ sentence: string; line: number }> {
  return body
    .split(/\r\n|\r|\n/)
    .map(plainLine)
    .flatMap((line, index) => sentencesOf(line).map((sentence) => ({ sentence, line: index })))
}

/** Lower-case words of a text, apostrophes kept inside words ("didn't"). */
function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  )
}

/** Whether a sentence only says that a call happened: every word is about the call itself. */
export function isFiller(sentence: string): boolean {
  const words = wordsOf(sentence).flatMap((word) => word.split("'"))
  if (words.length === 0) return true
  const timed = DURATION.test(sentence)
  return words.every((word) => FILLER_WORDS.has(word) || (timed && /^\d+$/.test(word)))
}

/** The note's preview: from its first sentence that says something, to the end of that line (200 characters). */
export function firstLine(body: string): string {
  const lines = body.split(/\r\n|\r|\n/).map(plainLine)
  for (const line of lines) {
    const sentences = sentencesOf(line)
    const start = sentences.findIndex((s) => !isFiller(s))
    if (start !== -1) return sentences.slice(start).join(' ').slice(0, 200)
  }
  return (lines.find((line) => line !== '') ?? '').slice(0, 200)
}
