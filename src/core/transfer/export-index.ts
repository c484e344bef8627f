/** The journal indexed once by person for the Markdown export, and who links to whom. */
import type { Challenge, Value } from '../../shared/schema/challenge.ts'
import type { Conversation } from '../../shared/schema/conversation.ts'
import type { FollowUp } from '../../shared/schema/follow-up.ts'
import type { Interest } from '../../shared/schema/interest.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import { localDay } from '../days.ts'
import { byName } from '../entries/people.ts'
import { RapportError } from '../rapport-error.ts'
import { lastContacts } from '../views/agenda.ts'
import { inline, link } from './markdown-text.ts'
import { safeFileName, uniqueNames } from './safe-file-name.ts'

/** The journal indexed once by person, so gathering each person costs only their own entries. */
export interface ExportIndex {
  journal: Journal
  now: Date
  today: string
  people: Map<string, Person>
  /** Every person's file stem, numbered over the whole journal so a name never depends on what is exported. */
  stems: Map<string, string>
  /** Who gets a file in this export, by name; links point only at them. */
  exported: Person[]
  exportedIds: Set<string>
  lastContact: Map<string, string>
  conversations: Map<string, Conversation[]>
  interests: Map<string, Interest[]>
  myInterests: Interest[]
  challenges: Map<string, Challenge[]>
  values: Map<string, Value[]>
  followUps: Map<string, FollowUp[]>
}

export function indexJournal(journal: Journal, now: Date, personIds?: readonly string[]): ExportIndex {
  const people = new Map(journal.people.map((p) => [p.id, p]))
  // Oldest first (the sort is stable, so ties keep journal order): a namesake added later gets the number.
  const byAge = [...journal.people].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const stems = uniqueNames(byAge.map((p) => safeFileName(p.name)))
  const wanted =
    personIds === undefined ? journal.people : [...new Set(personIds)].map((id) => people.get(id) ?? notFound())
  const interests = groupBy(journal.interests, (i) => i.ownerId)
  return {
    journal,
    now,
    today: localDay(now),
    people,
    stems: new Map(byAge.map((p, i) => [p.id, stems[i]!])),
    exported: [...wanted].sort(byName),
    exportedIds: new Set(wanted.map((p) => p.id)),
    lastContact: lastContacts(journal),
    conversations: groupByMany(journal.conversations, (c) => c.personIds),
    interests,
    myInterests: interests.get('me') ?? [],
    challenges: groupBy(journal.challenges, (c) => c.personId),
    values: groupBy(journal.values, (v) => v.personId),
    followUps: groupBy(journal.followUps, (f) => f.personId)
  }
}

function notFound(): never {
  throw new RapportError('not-found', 'That person is no longer in the journal.')
}

/**
 * A journal holding only what concerns one person (and the people they met with), so personPage gathers
 * their page with the app's own rules in time proportional to their entries, not the whole journal's.
 */
export function sliceFor(index: ExportIndex, id: string): Journal {
  const person = index.people.get(id) ?? notFound()
  const conversations = index.conversations.get(id) ?? []
  const people = new Map([[id, person]])
  for (const c of conversations) for (const p of c.personIds) people.set(p, index.people.get(p)!)
  return {
    ...index.journal,
    people: [...people.values()],
    conversations,
    interests: [...index.myInterests, ...(index.interests.get(id) ?? [])],
    challenges: index.challenges.get(id) ?? [],
    values: index.values.get(id) ?? [],
    followUps: index.followUps.get(id) ?? []
  }
}

/** A link to a person's file when this export has one, otherwise just their name. */
export function personLink(index: ExportIndex, id: string, folder: string): string {
  const person = index.people.get(id)!
  return index.exportedIds.has(id) ? link(person.name, `${folder}${index.stems.get(id)!}.md`) : inline(person.name)
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  return groupByMany(items, (item) => [key(item)])
}

function groupByMany<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    for (const k of new Set(keys(item))) {
      const group = groups.get(k)
      if (group) group.push(item)
      else groups.set(k, [item])
    }
  }
  return groups
}
