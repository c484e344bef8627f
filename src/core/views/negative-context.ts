/**
 * Respecting negative context: an interest is not suggested as an opener when their boundaries name it (or
 * its kind: "Don't joke about football" covers Real Madrid, a sport), or when the newest recent note that
 * mentions it says something went wrong or they did not want to talk about it, in that sentence or the one
 * beside it. A later, happier mention lifts it again. Each held-back interest says why.
 */
import type { InterestCategory } from '../../shared/schema/interest.ts'
import type { Conversation } from '../../shared/schema/conversation.ts'
import { localDay } from '../days.ts'
import { words } from '../search/tokenize.ts'
import { STOP_WORDS } from '../search/stop-words.ts'
import { noteSentences } from './note-text.ts'

/** Words that name a kind of interest in a boundary ("no football talk", "leave the kids out of it"). */
const CATEGORY_WORDS: Record<InterestCategory, readonly string[]> = {
  sport:
    'sport sports football soccer footy match team league club rugby cricket tennis golf basketball baseball hockey f1 cycling'.split(
      ' '
    ),
  family:
    'family kids kid children child son sons daughter daughters wife husband partner marriage divorce parents baby'.split(
      ' '
    ),
  food: 'food diet dieting eating drinking alcohol wine beer'.split(' '),
  hobby: ['hobbies'],
  place: ['travel', 'holidays', 'vacation', 'trips'],
  media: ['politics', 'news', 'tv', 'films', 'movies', 'books'],
  other: []
}

const NEGATIVE = [
  /\b(didn't|did not|doesn't|does not|don't|do not|won't|will not|wouldn't|would not|never)\s+(want|like|wish|care)\s+to\s+(talk|discuss|hear|chat|go into|get into)\b/,
  /\b(didn't|did not|doesn't|does not|don't|do not|won't|wouldn't|never|no)\s+(talk|talking|discuss|mention|joke|jokes|joking|bring it up|bringing it up|ask about|asking about)\b/,
  /\b(sore|touchy|sensitive|painful|raw)\s+(subject|point|spot|topic|issue)\b/,
  /\b(lost|loses|losing|relegated|relegation|sacked|fired|laid off|passed away|died|funeral|divorce|divorced|injured|injury|hospital|upset|gutted|heartbroken)\b/,
  /\b(rather not|off limits|off-limits|avoid|not in the mood)\b/
]

export function isNegative(sentence: string): boolean {
  const text = sentence.toLowerCase().replace(/’/g, "'")
  return NEGATIVE.some((rule) => rule.test(text))
}

/** Whether `text` holds the words of `phrase` in a row (case and accents folded). */
export function mentions(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false
  const all = words(text)
  for (let i = 0; i + phrase.length <= all.length; i++) if (phrase.every((w, k) => all[i + k] === w)) return true
  return false
}

/** The word of the boundaries that names this interest or its kind, or ''. */
export function boundaryWord(interest: { label: string; category: InterestCategory }, boundaries: string): string {
  const named = new Set([
    ...words(interest.label).filter((w) => !STOP_WORDS.has(w)),
    ...CATEGORY_WORDS[interest.category]
  ])
  return words(boundaries).find((w) => named.has(w)) ?? ''
}

export interface Mention {
  conversation: Conversation
  /** The sentences around the mention, as written. */
  sentence: string
  negative: boolean
}

/** The newest mention of `label` in these conversations (newest first), with whether it is negative. */
export function newestMention(label: string, newestFirst: readonly Conversation[]): Mention | null {
  const phrase = words(label)
  for (const conversation of newestFirst) {
    // The title reads as the sentence before the note's first one.
    const sentences = [conversation.title, ...noteSentences(conversation.body).map((s) => s.sentence)]
    const at = sentences.findIndex((s) => mentions(s, phrase))
    if (at === -1) continue
    const near = [at, at - 1, at + 1].find((i) => i >= 0 && i < sentences.length && isNegative(sentences[i]!))
    if (near === undefined) return { conversation, sentence: sentences[at]!, negative: false }
    const sentence = sentences.slice(Math.min(at, near), Math.max(at, near) + 1).join(' ')
    return { conversation, sentence, negative: true }
  }
  return null
}

/** Why a mention holds an interest back: the sentence, quoted, with its day and conversation. */
export function mentionReason(mention: Mention, formatDay: (day: string) => string): string {
  const day = formatDay(localDay(new Date(mention.conversation.date)))
  return `“${mention.sentence}” (${day}, “${mention.conversation.title}”)`
}
