/**
 * From scored documents to what the user sees: results grouped by person, each person ranked by their best
 * match plus a share of their next ones, and, between people whose matches are as good, the one spoken to
 * lately first; a highlighted snippet per hit. When no document has every word of the query, the people
 * whose entries between them have the most of its words come first.
 */
import type { Person } from '../../shared/schema/person.ts'
import type { SearchGroup, SearchHit } from '../../shared/search.ts'
import type { SearchDoc } from './documents.ts'
import { freshness, popcount } from './query-match.ts'
import { snippetOf, marksIn } from './snippet.ts'
import { CONTACT_GAIN, MORE_HITS_SHARE } from './weights.ts'

const HITS_PER_PERSON = 3

/** A scored document, with the query's words it has as bits. */
export interface Ranked {
  doc: SearchDoc
  score: number
  words: number
}

interface Candidate {
  person: Person
  score: number
  docs: SearchDoc[]
  /** The query's words their documents have between them. */
  words: number
}

/** `ranked` is best first. */
export function rankGroups(
  ranked: readonly Ranked[],
  limit: number,
  people: ReadonlyMap<string, Person>,
  matched: ReadonlySet<string>,
  lastContact: ReadonlyMap<string, number>,
  now: Date
): SearchGroup[] {
  const candidates = new Map<string, Candidate>()
  for (const { doc, score, words } of ranked) {
    for (const id of doc.personIds) {
      const person = people.get(id)
      if (!person) continue
      let candidate = candidates.get(id)
      if (!candidate) {
        if (candidates.size >= limit * 3) continue
        candidate = { person, score, docs: [], words }
        candidates.set(id, candidate)
      }
      candidate.words |= words
      // Their best document's score is theirs; the next ones add a share of their own.
      const counted = candidate.docs.length
      if (counted > 0 && counted <= MORE_HITS_SHARE.length) candidate.score += MORE_HITS_SHARE[counted - 1]! * score
      if (candidate.docs.length < HITS_PER_PERSON) candidate.docs.push(doc)
    }
  }
  for (const candidate of candidates.values()) {
    const time = lastContact.get(candidate.person.id)
    if (time !== undefined) candidate.score *= 1 + CONTACT_GAIN * freshness(time, now.getTime())
  }
  return [...candidates.values()]
    .sort((a, b) => popcount(b.words) - popcount(a.words) || b.score - a.score)
    .slice(0, limit)
    .map(({ person, docs }) => ({
      personId: person.id,
      personName: person.name,
      company: person.company,
      role: person.role,
      hits: docs.map((doc) => hitOf(doc, person, matched))
    }))
}

function hitOf(doc: SearchDoc, person: Person, matched: ReadonlySet<string>): SearchHit {
  const title = doc.kind === 'person' ? person.name : doc.title
  const longText =
    doc.kind === 'person'
      ? [person.company, person.role, person.tags.join(', '), doc.body].filter(Boolean).join(' · ')
      : doc.body
  const { snippet, snippetMarks } = snippetOf(longText, matched)
  return {
    kind: doc.kind,
    id: doc.id,
    title,
    titleMarks: marksIn(title, matched),
    snippet,
    snippetMarks,
    day: doc.day ? doc.day.slice(0, 10) : null
  }
}
