/**
 * Which person a name on the command line means. An exact name (case and accents aside) wins; otherwise the
 * search index ranks people the way the quick switcher does, and the people whose names match the most
 * words, and the most of them exactly, are the candidates. Several equal candidates are returned as such
 * (sorted by name), so the caller can ask for more of the name instead of guessing.
 */
import type { Journal } from '../shared/schema/journal.ts'
import type { Person } from '../shared/schema/person.ts'
import type { SearchGroup } from '../shared/search.ts'
import { foldKey } from '../core/transfer/import-plan.ts'
import { byName } from '../core/entries/people.ts'
import type { SearchIndex } from '../core/search/search-index.ts'
import { words } from '../core/search/tokenize.ts'

export type PersonMatch = { kind: 'one'; person: Person } | { kind: 'several'; people: Person[] } | { kind: 'none' }

const CANDIDATE_PEOPLE = 10

export function matchPerson(journal: Journal, index: SearchIndex, name: string, now: Date): PersonMatch {
  const exact = journal.people.filter((person) => foldKey(person.name) === foldKey(name))
  if (exact.length > 0) return exact.length === 1 ? { kind: 'one', person: exact[0]! } : { kind: 'several', people: exact.sort(byName) }
  const groups = index.search({ text: name, limit: CANDIDATE_PEOPLE }, now).groups
  const people = new Map(journal.people.map((person) => [person.id, person]))
  const queryWords = words(name)
  const scored = groups
    .filter((group) => group.hits.some((hit) => hit.kind === 'person'))
    .map((group) => ({ person: people.get(group.personId)!, score: nameScore(group, queryWords) }))
  // Nobody's name matched: the person may be meant by company, role or tag ("rapport brief acme").
  const named = scored.filter(({ score }) => score[0] > 0)
  const candidates = named.length > 0 ? named : scored
  if (candidates.length === 0) return { kind: 'none' }
  const best = candidates.reduce((top, candidate) => (compare(candidate.score, top.score) > 0 ? candidate : top))
  const tied = candidates.filter(({ score }) => compare(score, best.score) === 0).map(({ person }) => person)
  return tied.length === 1 ? { kind: 'one', person: tied[0]! } : { kind: 'several', people: tied.sort(byName) }
}

/** [name words the search matched (typos included), name words typed exactly]. */
function nameScore(group: SearchGroup, queryWords: readonly string[]): [number, number] {
  const hit = group.hits.find((h) => h.kind === 'person')!
  const nameWords = new Set(words(group.personName))
  return [hit.titleMarks.length, queryWords.filter((word) => nameWords.has(word)).length]
}

function compare(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1]
}
