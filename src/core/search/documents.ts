/**
 * What the search index knows about each journal item: its kind, the people it belongs to, its short
 * "head" text (names, titles — ranked above everything else), its longer body text, and what filters need.
 * Texts are read from the journal item itself when needed, never copied.
 */
import type { Journal } from '../../shared/schema/journal.ts'
import type { SearchKind } from '../../shared/search.ts'

export interface SearchDoc {
  kind: SearchKind
  id: string
  personIds: readonly string[]
  /** The day it happened or is due (YYYY-MM-DD or ISO time), for recency and date filters. */
  day: string | null
  channel: string | null
  /** Follow-ups only: not completed. */
  open: boolean
  head: string
  body: string
  /** The journal item it came from: the index tells changed items apart by identity. */
  source: object
}

type Item<C extends keyof Journal> = Journal[C] extends Array<infer T> ? T : never

export function personDoc(p: Item<'people'>): SearchDoc {
  return {
    kind: 'person',
    id: p.id,
    personIds: [p.id],
    day: null,
    channel: null,
    open: false,
    head: `${p.name}\n${p.company}\n${p.role}\n${p.tags.join('\n')}`,
    body: [
      p.howWeMet,
      p.drives,
      p.lifeOutsideWork,
      p.boundaries,
      p.location,
      p.email,
      ...p.otherEmails,
      p.relationshipStyle.theirWords
    ]
      .filter(Boolean)
      .join('\n'),
    source: p
  }
}

export function conversationDoc(c: Item<'conversations'>): SearchDoc {
  return {
    kind: 'conversation',
    id: c.id,
    personIds: c.personIds,
    day: c.date,
    channel: c.channel,
    open: false,
    head: c.title,
    body: c.body,
    source: c
  }
}

export function interestDoc(i: Item<'interests'>): SearchDoc | null {
  // The user's own interests are not about anyone they are about to call.
  if (i.ownerId === 'me') return null
  return {
    kind: 'interest',
    id: i.id,
    personIds: [i.ownerId],
    day: null,
    channel: null,
    open: false,
    head: i.label,
    body: `${i.category}\n${i.note}`,
    source: i
  }
}

export function challengeDoc(c: Item<'challenges'>): SearchDoc {
  return {
    kind: 'challenge',
    id: c.id,
    personIds: [c.personId],
    day: c.openedOn,
    channel: null,
    open: false,
    head: c.title,
    body: c.detail,
    source: c
  }
}

export function followUpDoc(f: Item<'followUps'>): SearchDoc {
  return {
    kind: 'followUp',
    id: f.id,
    personIds: [f.personId],
    day: f.dueDate,
    channel: null,
    open: f.completedOn === null,
    head: f.title,
    body: '',
    source: f
  }
}

/** The collections the index covers, each with how to turn an item into a document. */
export const INDEXED = {
  people: personDoc,
  conversations: conversationDoc,
  interests: interestDoc,
  challenges: challengeDoc,
  followUps: followUpDoc
} as const satisfies { [C in keyof Journal]?: (item: Item<C>) => SearchDoc | null }

export type IndexedCollection = keyof typeof INDEXED

/** Every item's document, collection by collection in INDEXED order: the order documents are numbered in. */
export function* documentsOf(journal: Journal): Generator<SearchDoc> {
  for (const collection of Object.keys(INDEXED) as IndexedCollection[]) {
    const make = INDEXED[collection] as (item: object) => SearchDoc | null
    for (const item of journal[collection]) {
      const doc = make(item)
      if (doc) yield doc
    }
  }
}
