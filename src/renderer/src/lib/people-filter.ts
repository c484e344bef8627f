/**
 * The People list's filter box, filters and sort, as plain functions over the overview rows: instant on
 * every keystroke, even at 10,000 people (one pass, no index needed for name, company and tag).
 */
import type { PersonRow } from '../../../shared/views.ts'

export const SORTS = {
  name: 'Name',
  'last-contact': 'Last contact',
  'next-due': 'Next due',
  company: 'Company'
} as const
export type Sort = keyof typeof SORTS

export interface PeopleFilter {
  text: string
  sort: Sort
  tag: string
  company: string
  /** Archived people are left out unless this is set. */
  archived: boolean
  lapsed: boolean
  owesMe: boolean
  iOwe: boolean
}

export const NO_FILTER: PeopleFilter = {
  text: '',
  sort: 'name',
  tag: '',
  company: '',
  archived: false,
  lapsed: false,
  owesMe: false,
  iOwe: false
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
/** Lower case without accents, so "garcia" finds "García". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()

/** Rows with no value for the sort go last, whichever way it runs. */
function compare(sort: Sort): (a: PersonRow, b: PersonRow) => number {
  const byName = (a: PersonRow, b: PersonRow) => collator.compare(a.person.name, b.person.name)
  const last = (x: string | null, y: string | null, newestFirst: boolean) =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : newestFirst ? y.localeCompare(x) : x.localeCompare(y)
  switch (sort) {
    case 'last-contact':
      return (a, b) => last(a.lastContact, b.lastContact, true) || byName(a, b)
    case 'next-due':
      return (a, b) => last(a.nextDue, b.nextDue, false) || byName(a, b)
    case 'company':
      return (a, b) =>
        last(a.person.company || null, b.person.company || null, false) ||
        collator.compare(a.person.company, b.person.company) ||
        byName(a, b)
    default:
      return byName
  }
}

export function filterPeople(rows: readonly PersonRow[], filter: PeopleFilter): PersonRow[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean)
  const kept = rows.filter(({ person: p, lapsed, iOwe, theyOwe }) => {
    if (p.archived && !filter.archived) return false
    if (filter.tag && !p.tags.includes(filter.tag)) return false
    if (filter.company && p.company !== filter.company) return false
    if ((filter.lapsed && !lapsed) || (filter.owesMe && theyOwe === 0) || (filter.iOwe && iOwe === 0)) return false
    if (words.length === 0) return true
    const haystack = fold(`${p.name} ${p.company} ${p.tags.join(' ')}`)
    return words.every((word) => haystack.includes(word))
  })
  return kept.sort(compare(filter.sort))
}

/** The tags and companies in use, for the filters' choices. */
export function choicesOf(rows: readonly PersonRow[]): { tags: string[]; companies: string[] } {
  const tags = new Set<string>()
  const companies = new Set<string>()
  for (const { person } of rows) {
    for (const tag of person.tags) tags.add(tag)
    if (person.company) companies.add(person.company)
  }
  return { tags: [...tags].sort(collator.compare), companies: [...companies].sort(collator.compare) }
}
