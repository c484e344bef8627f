/**
 * Which person a name on the command line means. An exact name (case and accents aside) wins; otherwise the
 * app's search ranks people the way the quick switcher does, and the people whose names match the most
 * words, and the most of them exactly, are the candidates. Several equal candidates are returned as such
 * (sorted by name), so the caller can ask for more of the name instead of guessing.
 */
import { foldKey, foldedWords } from '../shared/fold-key.ts'
import type { Person } from '../shared/schema/person.ts'
import type { SearchGroup } from '../shared/search.ts'

export type PersonMatch = { kind: 'one'; person: Person } | { kind: 'several'; people: Person[] } | { kind: 'none' }

/** How many people the search is asked for. */
export const CANDIDATE_PEOPLE = 10

/** `people` sorted by name (as listPeople gives them); `search` runs the app's search for a text. */
export async function matchPerson(
  people: readonly Person[],
  name: string,
  search: (text: string) => Promise<SearchGroup[]>
): Promise<PersonMatch> {
  const exact = people.filter((person) => foldKey(person.name) === foldKey(name))
  if (exact.length > 0)
    return exact.length === 1 ? { kind: 'one', person: exact[0]! } : { kind: 'several', people: exact }
  const groups = await search(name)
  const byId = new Map(people.map((person) => [person.id, person]))
  const queryWords = foldedWords(name)
  const scored = groups
    .filter((group) => group.hits.some((hit) => hit.kind === 'person'))
    .map((group) => ({ person: byId.get(group.personId)!, score: nameScore(group, queryWords) }))
  // Nobody's name matched: the person may be meant by company, role or tag ("rapport brief acme").
  const named = scored.filter(({ score }) => score[0] > 0)
  const candidates = named.length > 0 ? named : scored
  if (candidates.length === 0) return { kind: 'none' }
  const best = candidates.reduce((top, candidate) => (compare(candidate.score, top.score) > 0 ? candidate : top))
  const tied = new Set(candidates.filter(({ score }) => compare(score, best.score) === 0).map(({ person }) => person))
  // In the order of `people`, which is by name.
  const sorted = people.filter((person) => tied.has(person))
  return sorted.length === 1 ? { kind: 'one', person: sorted[0]! } : { kind: 'several', people: sorted }
}

/** [name words the search matched (typos included), name words typed exactly]. */
function nameScore(group: SearchGroup, queryWords: readonly string[]): [number, number] {
  const hit = group.hits.find((h) => h.kind === 'person')!
  const nameWords = new Set(foldedWords(group.personName))
  return [hit.titleMarks.length, queryWords.filter((word) => nameWords.has(word)).length]
}

function compare(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1]
}
