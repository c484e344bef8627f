/** How query words meet the index: the vocabulary words each stands for, the filters, and score modifiers. */
import type { Person } from '../../shared/schema/person.ts'
import type { SearchQuery } from '../../shared/search.ts'
import type { SearchDoc } from './documents.ts'
import type { Postings } from './postings.ts'
import type { QueryTerm } from './query-terms.ts'
import type { Vocabulary } from './vocabulary.ts'
import { FIELDS } from './documents.ts'
import { MATCH_QUALITY, RECENCY_GAIN } from './weights.ts'

const MAX_EXPANSIONS = 64

/**
 * The vocabulary words a query word stands for, with how good a match each is (weights.ts): itself, the
 * words it begins while it is being typed, and those within its typo budget.
 */
export function expandTerm(term: QueryTerm, vocab: Vocabulary, lists: readonly Postings[]): Array<[number, number]> {
  const out: Array<[number, number]> = []
  const exact = vocab.idOf(term.word)
  if (exact !== undefined) out.push([exact, MATCH_QUALITY.exact])
  const titles = (id: number) => lists[id * FIELDS]!.length
  const df = (id: number) => documentFrequency(lists, id)
  if (term.prefix && term.word.length >= 1) {
    // Prefer words that occur in names and titles, then the most frequent ones.
    const ids = vocab.withPrefix(term.word)
    if (ids.length > MAX_EXPANSIONS) ids.sort((a, b) => titles(b) - titles(a) || df(b) - df(a))
    for (const id of ids.slice(0, MAX_EXPANSIONS)) out.push([id, MATCH_QUALITY.prefix])
  }
  const typos = vocab.typosOf(term.word, term.typos)
  // The closest first, then the most frequent.
  if (typos.length > MAX_EXPANSIONS) typos.sort((a, b) => a[1] - b[1] || df(b[0]) - df(a[0]))
  for (const [id, count] of typos.slice(0, MAX_EXPANSIONS)) out.push([id, MATCH_QUALITY.typo[count]!])
  return out
}

/** In how many documents word `id` occurs, counting a document once per field it is in. */
export function documentFrequency(lists: readonly Postings[], id: number): number {
  let count = 0
  for (let field = 0; field < FIELDS; field++) count += lists[id * FIELDS + field]!.length
  return count
}

/** Whether a document passes the query's filters (channel, open follow-ups, dates, a tag of its people). */
export function queryFilter(query: SearchQuery, people: ReadonlyMap<string, Person>): (doc: SearchDoc) => boolean {
  const tag = query.tag?.toLowerCase()
  return (doc) => {
    if (query.channel && doc.channel !== query.channel) return false
    if (query.openFollowUpsOnly && !(doc.kind === 'followUp' && doc.open)) return false
    if (query.from || query.to) {
      const day = doc.day?.slice(0, 10)
      if (!day || (query.from && day < query.from) || (query.to && day > query.to)) return false
    }
    if (tag && !doc.personIds.some((id) => people.get(id)?.tags.some((t) => t.toLowerCase() === tag))) return false
    return true
  }
}

export function popcount(bits: number): number {
  let count = 0
  for (let b = bits; b !== 0; b &= b - 1) count++
  return count
}

/** Recent entries rank above old ones of the same standing; undated ones (people, interests: NaN) are neutral. */
export function recency(time: number, now: number): number {
  return Number.isNaN(time) ? 1 : 1 + RECENCY_GAIN * freshness(time, now)
}

/** 1 for now, about a third three months before, towards 0 before that. */
export function freshness(time: number, now: number): number {
  return Math.exp(-Math.max(0, now - time) / (90 * 86_400_000))
}

/** A day (YYYY-MM-DD, at noon local time) or an ISO time as milliseconds; NaN for none. */
export function timeOf(day: string | null): number {
  if (!day) return NaN
  return Date.parse(day.length === 10 ? `${day}T12:00:00` : day)
}

export function monthBoost(day: string | null, months: number[]): number {
  if (months.length === 0 || !day) return 1
  return months.includes(Number(day.slice(5, 7))) ? 2 : 1
}
