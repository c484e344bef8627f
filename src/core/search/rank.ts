/**
 * From scored documents to what the user sees: results grouped by person, the people re-ranked by how well
 * their name matches what was typed (fuse.js, over a short list only), and a highlighted snippet per hit.
 */
import Fuse from 'fuse.js'
import type { Person } from '../../shared/schema/person.ts'
import type { SearchGroup, SearchHit } from '../../shared/search.ts'
import type { SearchDoc } from './documents.ts'
import { snippetOf, marksIn } from './snippet.ts'

const HITS_PER_PERSON = 3

interface Candidate {
  person: Person
  score: number
  docs: SearchDoc[]
}

export function rankGroups(
  ranked: Array<{ doc: SearchDoc; score: number }>,
  text: string,
  limit: number,
  people: ReadonlyMap<string, Person>,
  matched: ReadonlySet<string>
): SearchGroup[] {
  const candidates = new Map<string, Candidate>()
  for (const { doc, score } of ranked) {
    for (const id of doc.personIds) {
      const person = people.get(id)
      if (!person) continue
      let candidate = candidates.get(id)
      if (!candidate) {
        if (candidates.size >= limit * 3) continue
        candidate = { person, score, docs: [] }
        candidates.set(id, candidate)
      }
      if (candidate.docs.length < HITS_PER_PERSON) candidate.docs.push(doc)
    }
  }
  const list = [...candidates.values()]
  if (text.trim() && list.length > 1) {
    // A close match on the person's name or company lifts them, however the words scored.
    const fuse = new Fuse(list, {
      keys: ['person.name', 'person.company'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4
    })
    for (const { item, score = 1 } of fuse.search(text)) item.score *= 1 + 2 * (1 - score)
  }
  return list
    .sort((a, b) => b.score - a.score)
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
  const title = doc.kind === 'person' ? person.name : doc.head
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
