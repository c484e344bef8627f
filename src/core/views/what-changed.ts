/**
 * "What changed since last time": the sentences of the latest one or two notes that carry news — a decision,
 * money, a date, a named company or product, a number — quoted short, each saying where it came from and which
 * rule picked it. No guessing beyond these rules, so the seller can always see why a line is there.
 */
import type { ChangeQuote } from '../../shared/pre-call-brief.ts'
import type { Conversation } from '../../shared/schema/conversation.ts'
import { localDay } from '../days.ts'
import { words } from '../search/tokenize.ts'
import { isFiller, noteSentences } from './note-text.ts'

/** How many conversations back it reads, and how many quotes it keeps. */
export const CHANGE_CONVERSATIONS = 2
export const MAX_CHANGES = 6
const MAX_QUOTE = 160

const DECISION =
  /\b(decided|decides|decision|agreed|agrees|approved|approves|approval|signed|signs|sign-off|signoff|chose|chosen|going with|go with|went with|picked|selected|rejected|declined|cancell?ed|postponed|paused|green light|go-ahead|shortlisted|committed|switching|will switch)\b/i
const MONEY =
  /([$€£¥₹]\s?\d[\d.,]*\s?(k|m|bn|mn)?\b)|(\b\d[\d.,]*\s?(k|m|bn|mn)?\s?(eur|usd|gbp|chf|euros?|dollars?|pounds?)\b)|(\b\d+(?:[.,]\d+)?\s?(k|bn)\b)/i
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec'
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
const DATE = new RegExp(
  [
    `\\b\\d{1,2}(st|nd|rd|th)?\\s+(${MONTHS})\\b`,
    `\\b(${MONTHS})\\s+\\d{1,2}(st|nd|rd|th)?\\b`,
    `\\b(${MONTHS})\\b`,
    `\\b(${WEEKDAYS})\\b`,
    `\\b(${WEEKDAYS.toLowerCase()})\\b`,
    '\\bQ[1-4]\\b',
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}/\\d{1,2}(/\\d{2,4})?\\b',
    '\\b(next|this|last) (week|month|quarter|year)\\b',
    '\\bend of (the )?(week|month|quarter|year)\\b',
    '\\b(tomorrow|tonight|yesterday)\\b'
  ].join('|')
)
const CALENDAR_WORDS = new Set([...`${MONTHS}|${WEEKDAYS}`.toLowerCase().split('|'), 'sep', 'sept'])
const NOT_NAMES = new Set(['i', "i'm", "i've", "i'll", 'mr', 'mrs', 'ms', 'dr', 'ok', 'okay'])

export interface ChangeContext {
  /** First and last names of people in the journal (and the user), folded as search folds words. */
  personNames: Pick<ReadonlySet<string>, 'has'>
  /** Companies of people in the journal (companyMatcher): named anywhere in a sentence, even at its start. */
  companies: CompanyMatcher
  formatDay: (day: string) => string
}

/** Which rules a sentence meets, each with what matched: `money (€48k)`. */
export function changeReasons(sentence: string, context: ChangeContext): string[] {
  const reasons: string[] = []
  const found = (rule: RegExp) => rule.exec(sentence)?.[0]
  const decision = found(DECISION)
  if (decision) reasons.push(`a decision (“${decision}”)`)
  const money = found(MONEY)
  if (money) reasons.push(`money (${money.trim()})`)
  const date = found(DATE)
  if (date) reasons.push(`a date (${date})`)
  const name = nameIn(sentence, context)
  if (name) reasons.push(`a name (${name})`)
  // A number that is not part of an amount or a date already named ("15" in "15 January").
  const rest = sentence.replace(new RegExp(MONEY, 'gi'), ' ').replace(new RegExp(DATE, 'g'), ' ')
  const number = /\d+(?:[.,]\d+)*%?/.exec(rest)?.[0]
  if (number) reasons.push(`a number (${number})`)
  return reasons
}

/** A known company anywhere, or a capitalised word inside the sentence that is not a person or a day. */
function nameIn(sentence: string, { personNames, companies }: ChangeContext): string {
  const company = companies(sentence)
  if (company) return company
  const tokens = sentence.split(/\s+/).slice(1)
  for (const token of tokens) {
    const word = token.replace(/^[^\p{L}]+|[^\p{L}\p{N}]+$/gu, '').replace(/[’']s$/u, '')
    if (!/^\p{Lu}/u.test(word) && !/^\p{Ll}+\p{Lu}/u.test(word)) continue
    const key = words(word)[0] ?? ''
    if (!key || personNames.has(key) || CALENDAR_WORDS.has(key) || NOT_NAMES.has(key)) continue
    return word
  }
  return ''
}

/** The company a sentence names (its first mention; the longer name where two start alike), or ''. */
export type CompanyMatcher = (sentence: string) => string

/**
 * One expression for all the journal's companies, made once per list: a brief at 20,000 entries used to build
 * one per company (400) for every sentence it read, most of the brief's time.
 */
export function companyMatcher(companies: readonly string[]): CompanyMatcher {
  const byLower = new Map<string, string>()
  for (const company of companies)
    if (company && !byLower.has(company.toLowerCase())) byLower.set(company.toLowerCase(), company)
  if (byLower.size === 0) return () => ''
  const alternatives = [...byLower.keys()].sort((a, b) => b.length - a.length).map(escape)
  // Not \b, which knows only ASCII letters: “Łódź Trans” and “Acme (EU)” are whole names too.
  const rule = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u')
  return (sentence) => {
    const found = rule.exec(sentence.toLowerCase())
    return found ? byLower.get(found[0])! : ''
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A long sentence cut at a word, so quotes stay short. */
export function shortQuote(sentence: string): string {
  if (sentence.length <= MAX_QUOTE) return sentence
  const cut = sentence.slice(0, MAX_QUOTE - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUOTE / 2)).trimEnd()}…`
}

/** The news in the newest conversations (newest first), in the order each note tells it. */
export function whatChanged(newestFirst: readonly Conversation[], context: ChangeContext): ChangeQuote[] {
  const quotes: ChangeQuote[] = []
  for (const c of newestFirst.slice(0, CHANGE_CONVERSATIONS)) {
    const day = localDay(new Date(c.date))
    for (const { sentence } of noteSentences(c.body)) {
      if (quotes.length === MAX_CHANGES) return quotes
      if (isFiller(sentence)) continue
      const reasons = changeReasons(sentence, context)
      if (reasons.length === 0) continue
      const quote = shortQuote(sentence)
      const source = `${context.formatDay(day)} · “${c.title}” · ${reasons.join(', ')}`
      quotes.push({
        quote,
        reasons,
        conversationId: c.id,
        conversationTitle: c.title,
        day,
        source,
        text: `“${quote}” — ${source}`
      })
    }
  }
  return quotes
}
