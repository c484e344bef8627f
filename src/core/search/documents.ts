/**
 * What the search index knows about each journal item: its kind, the people it belongs to, its texts in
 * three fields (FIELDS), and what filters need. How much a match in each field counts is in weights.ts.
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
  /** A person's name, an entry's title, an interest's label. */
  title: string
  /** A person's company, role and tags; an interest's category. */
  about: string
  /** Longer text: a person's profile (drives, life outside work, boundaries…), a note, a detail. */
  body: string
  /** The journal item it came from: the index tells changed items apart by identity. */
  source: object
}

/** The fields, in the order the index numbers them: title, about, body. */
export const FIELDS = 3
/** Each field's texts, document by document: what the tokeniser reads. */
export const fieldTexts = (docs: readonly SearchDoc[]) => [
  docs.map((d) => d.title),
  docs.map((d) => d.about),
  docs.map((d) => d.body)
]

type Item<C extends keyof Journal> = Journal[C] extends Array<infer T> ? T : never

export function personDoc(p: Item<'people'>): SearchDoc {
  return {
    kind: 'person',
    id: p.id,
    personIds: [p.id],
    day: null,
    channel: null,
    open: false,
    title: p.name,
    about: `${p.company}\n${p.role}\n${p.tags.join('\n')}`,
    body: [
      p.boundaries,
      p.drives,
      p.lifeOutsideWork,
      p.howWeMet,
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
    title: c.title,
    about: '',
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
    title: i.label,
    about: i.category,
    body: i.note,
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
    title: c.title,
    about: '',
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
    title: f.title,
    about: '',
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
