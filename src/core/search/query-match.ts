/** How query words meet the index: the vocabulary words each stands for, the filters, and score modifiers. */
import type { Person } from '../../shared/schema/person.ts'
import type { SearchQuery } from '../../shared/search.ts'
import type { SearchDoc } from './documents.ts'
import type { Postings } from './postings.ts'
import type { QueryTerm } from './query-terms.ts'
import type { Vocabulary } from './vocabulary.ts'

const MATCH_WEIGHT = { exact: 1, prefix: 0.75, fuzzy: 0.6 } as const
const MAX_EXPANSIONS = 64

/** The vocabulary words a query word stands for, with how good a match each is. */
export function expandTerm(
  term: QueryTerm,
  vocab: Vocabulary,
  head: readonly Postings[],
  body: readonly Postings[]
): Array<[number, number]> {
  const out: Array<[number, number]> = []
  const exact = vocab.idOf(term.word)
  if (exact !== undefined) out.push([exact, MATCH_WEIGHT.exact])
  if (term.prefix && term.word.length >= 1) {
    // Prefer words that occur in names and titles, then the most frequent ones.
    const ids = vocab.withPrefix(term.word)
    const headLength = (id: number) => head[id]?.length ?? 0
    const df = (id: number) => headLength(id) + (body[id]?.length ?? 0)
    if (ids.length > MAX_EXPANSIONS) ids.sort((a, b) => headLength(b) - headLength(a) || df(b) - df(a))
    for (const id of ids.slice(0, MAX_EXPANSIONS)) out.push([id, MATCH_WEIGHT.prefix])
  }
  if (term.fuzzy) for (const id of vocab.oneEditFrom(term.word)) out.push([id, MATCH_WEIGHT.fuzzy])
  return out
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

/** Recent entries rank above old ones; undated ones (people, interests) sit in between. */
export function recency(day: string | null, now: Date): number {
  if (!day) return 1.2
  const ageDays = Math.max(0, (now.getTime() - Date.parse(day.length === 10 ? `${day}T12:00:00` : day)) / 86_400_000)
  return 1 + 0.6 * Math.exp(-ageDays / 90)
}

export function monthBoost(day: string | null, months: number[]): number {
  if (months.length === 0 || !day) return 1
  return months.includes(Number(day.slice(5, 7))) ? 2 : 1
}
