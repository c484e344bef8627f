/** Search results as the command prints them: one row per hit, best first (people in rank order, then their hits). */
import type { SearchKind, SearchResponse } from '../shared/search.ts'

export interface SearchRow {
  kind: SearchKind
  id: string
  personId: string
  personName: string
  title: string
  snippet: string
}

export function searchRows(response: SearchResponse): SearchRow[] {
  return response.groups.flatMap((group) =>
    group.hits.map((hit) => ({
      kind: hit.kind,
      id: hit.id,
      personId: group.personId,
      personName: group.personName,
      title: hit.title,
      snippet: hit.snippet
    }))
  )
}
