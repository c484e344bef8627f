/**
 * The search index behind the quick switcher. An inverted index (word → documents, as typed arrays) finds
 * candidates in a few milliseconds even over 100,000 entries; fuse.js then ranks the short list of people
 * those candidates belong to by how well their names match. Built once on load, then kept up to date from
 * each change by comparing the journal's items by identity (changes share every item they did not touch).
 */
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { SearchKind, SearchQuery, SearchResponse } from '../../shared/search.ts'
import { documentsOf, INDEXED } from './documents.ts'
import type { IndexedCollection, SearchDoc } from './documents.ts'
import { layOutPostings } from './bulk-postings.ts'
import { tokenizeDocs } from './tokenize-docs.ts'
import type { TokenizedDocs } from './tokenize-docs.ts'
import { ESCAPE, Postings } from './postings.ts'
import { rankGroups } from './rank.ts'
import { parseQuery } from './query-terms.ts'
import type { QueryTerm } from './query-terms.ts'
import { TopK } from './top-k.ts'
import { STOP_WORDS } from './stop-words.ts'
import { Vocabulary } from './vocabulary.ts'
import type { IndexSnapshot } from './saved-index.ts'

const HEAD_WEIGHT = 4
const KIND_WEIGHT = { person: 1.6, interest: 1.3, conversation: 1, challenge: 1.1, followUp: 1.1 } as const
const MATCH_WEIGHT = { exact: 1, prefix: 0.75, fuzzy: 0.6 } as const
const MAX_EXPANSIONS = 64
const CANDIDATES = 300
const STOP_LIST = [...STOP_WORDS]
/** Stands for "no postings yet" in the dense per-word arrays; never pushed to. */
const EMPTY = new Postings(0)

export class SearchIndex {
  #vocab = new Vocabulary()
  #head: Postings[] = []
  #body: Postings[] = []
  #docs: Array<SearchDoc | null> = []
  /** Document numbers by kind, then by item id (the journal's own strings: no key strings to keep). */
  #byKey = newKeyMaps()
  #dead = 0
  #changes = 0
  #journal: Journal
  #people = new Map<string, Person>()
  // Per-query scratch space, reused so a query allocates almost nothing.
  #total = new Float64Array(0)
  #termScore = new Float64Array(0)
  #mask = new Uint16Array(0)

  private constructor(journal: Journal) {
    this.#journal = journal
  }

  /**
   * Builds the index of a whole journal: its words are numbered into one vocabulary and the postings laid
   * out in one pass (appending to 20,000 separate lists word by word is several times slower).
   */
  static build(journal: Journal): SearchIndex {
    const index = new SearchIndex(journal)
    const { heads, bodies } = index.#documents()
    return index.#finish(tokenizeDocs(heads, bodies, STOP_LIST))
  }

  /**
   * The index as saved beside the journal (saved-index.ts), put back together with the journal's items.
   * Null if the snapshot does not fit the journal, item for item: the caller then builds afresh.
   */
  static fromSnapshot(journal: Journal, snapshot: IndexSnapshot): SearchIndex | null {
    const index = new SearchIndex(journal)
    const made = newKeyMaps<SearchDoc>()
    let live = 0
    for (const doc of documentsOf(journal)) {
      made[doc.kind].set(doc.id, doc)
      live++
    }
    for (const saved of snapshot.docs) {
      if (!saved) {
        index.#docs.push(null)
        index.#dead++
        continue
      }
      const doc = made[saved.kind].get(saved.id)
      if (!doc || index.#byKey[doc.kind].has(doc.id)) return null
      index.#byKey[doc.kind].set(doc.id, index.#docs.length)
      index.#docs.push(doc)
    }
    if (index.#docs.length - index.#dead !== live || snapshot.head.length !== snapshot.terms.length) return null
    index.#vocab.beginBulk()
    for (const [id, term] of snapshot.terms.entries()) if (index.#vocab.add(term) !== id) return null
    index.#vocab.endBulk()
    index.#head = snapshot.head.map((list) => (list.length === 0 ? EMPTY : list))
    index.#body = snapshot.body.map((list) => (list.length === 0 ? EMPTY : list))
    index.#people = new Map(journal.people.map((p) => [p.id, p]))
    return index
  }

  /** What to save so that fromSnapshot can rebuild this index without reading the notes again (compacts first). */
  snapshot(): IndexSnapshot {
    if (this.#dead > 0) this.#compact()
    return { terms: this.#vocab.terms, docs: this.#docs.map((doc) => doc && { kind: doc.kind, id: doc.id }), head: this.#head, body: this.#body }
  }

  /** Goes up with every change the index takes in: a saved copy is stale once it has moved on. */
  get changes(): number {
    return this.#changes
  }

  /** Makes a document for every item, in order, and returns their texts for tokenising. */
  #documents(): { heads: string[]; bodies: string[] } {
    const heads: string[] = []
    const bodies: string[] = []
    for (const doc of documentsOf(this.#journal)) {
      this.#byKey[doc.kind].set(doc.id, this.#docs.length)
      this.#docs.push(doc)
      heads.push(doc.head)
      bodies.push(doc.body)
    }
    return { heads, bodies }
  }

  /** Numbers the documents' words into the vocabulary and lays out the postings. */
  #finish(docs: TokenizedDocs): this {
    this.#vocab.beginBulk()
    const ids = Int32Array.from(docs.terms, (term) => this.#vocab.add(term))
    this.#vocab.endBulk()
    this.#padLists()
    layOutPostings(docs, ids, this.#head, this.#body)
    this.#people = new Map(this.#journal.people.map((p) => [p.id, p]))
    return this
  }

  get size(): { docs: number; words: number } {
    return { docs: this.#docs.length - this.#dead, words: this.#vocab.terms.length }
  }

  /** Brings the index in line with `next`, touching only the items that changed. */
  update(next: Journal): void {
    const prev = this.#journal
    if (prev === next) return
    this.#journal = next
    this.#changes++
    if (prev.people !== next.people) this.#people = new Map(next.people.map((p) => [p.id, p]))
    for (const collection of Object.keys(INDEXED) as IndexedCollection[]) {
      const before = prev[collection] as readonly object[]
      const after = next[collection] as readonly object[]
      if (before === after) continue
      if (before.length === after.length) {
        // The common case: one item edited in place. Compare by position, by identity.
        for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) this.#add(after[i]!, collection)
        continue
      }
      const kept = new Set(after)
      for (const item of before) if (!kept.has(item)) this.#remove(item, collection)
      const known = new Set(before)
      for (const item of after) if (!known.has(item)) this.#add(item, collection)
    }
    if (this.#dead > 1000 && this.#dead > this.#docs.length / 4) this.#compact()
  }

  search(query: SearchQuery, now: Date): SearchResponse {
    const started = performance.now()
    const terms = parseQuery(query.text)
    const top = new TopK(CANDIDATES)
    const matched = new Set<string>()
    if (terms.length > 0) this.#score(terms, query, now, top, matched)
    const ranked = top.sorted().map(({ id, score }) => ({ doc: this.#docs[id]!, score }))
    const groups = rankGroups(ranked, query.text, query.limit ?? 20, this.#people, matched)
    return { groups, tookMs: performance.now() - started }
  }

  #score(terms: QueryTerm[], query: SearchQuery, now: Date, top: TopK, matched: Set<string>): void {
    this.#ensureScratch()
    const total = this.#total
    const mask = this.#mask
    const touched: number[] = []
    const docCount = Math.max(1, this.#docs.length - this.#dead)
    terms.forEach((term, i) => {
      for (const [termId, quality] of this.#expand(term)) {
        matched.add(this.#vocab.terms[termId]!)
        const head = this.#head[termId]
        const body = this.#body[termId]
        const idf = Math.log(1 + docCount / (1 + (head?.length ?? 0) + (body?.length ?? 0)))
        this.#collect(head, idf * quality * HEAD_WEIGHT)
        this.#collect(body, idf * quality)
      }
      // Each document keeps its best match for this word, so a prefix with many expansions does not pile up.
      for (const doc of this.#termTouched) {
        if (mask[doc] === 0) touched.push(doc)
        total[doc] = total[doc]! + this.#termScore[doc]!
        mask[doc] = mask[doc]! | (1 << i)
        this.#termScore[doc] = 0
      }
      this.#termTouched.length = 0
    })
    // Every word (month hints aside) must match; if no document has them all, the best partial ones show.
    const required = terms.reduce((bits, term, i) => (term.soft ? bits : bits | (1 << i)), 0)
    let best = 0
    for (const doc of touched) best = Math.max(best, popcount(mask[doc]! & required))
    const partial = best < popcount(required) ? 0.5 : 1
    const months = terms.flatMap((t) => (t.month === null ? [] : [t.month]))
    const filter = this.#filter(query)
    for (const doc of touched) {
      const d = this.#docs[doc]
      if (d && popcount(mask[doc]! & required) === best && filter(d)) {
        top.offer(doc, total[doc]! * partial * KIND_WEIGHT[d.kind] * recency(d.day, now) * monthBoost(d.day, months))
      }
      total[doc] = 0
      mask[doc] = 0
    }
  }

  #termTouched: number[] = []

  #collect(list: Postings | undefined, weight: number): void {
    if (!list) return
    const data = list.data
    const score = this.#termScore
    let doc = 0
    for (let i = 0; i < list.size; ) {
      const gap = data[i++]!
      if (gap === ESCAPE) {
        doc = data[i]! * 65536 + data[i + 1]!
        i += 2
      } else doc += gap
      const current = score[doc]!
      if (current === 0) this.#termTouched.push(doc)
      if (current < weight) score[doc] = weight
    }
  }

  /** The vocabulary words a query word stands for, with how good a match each is. */
  #expand(term: QueryTerm): Array<[number, number]> {
    const out: Array<[number, number]> = []
    const exact = this.#vocab.idOf(term.word)
    if (exact !== undefined) out.push([exact, MATCH_WEIGHT.exact])
    if (term.prefix && term.word.length >= 1) {
      // Prefer words that occur in names and titles, then the most frequent ones.
      const ids = this.#vocab.withPrefix(term.word)
      const headLength = (id: number) => this.#head[id]?.length ?? 0
      const df = (id: number) => headLength(id) + (this.#body[id]?.length ?? 0)
      if (ids.length > MAX_EXPANSIONS) ids.sort((a, b) => headLength(b) - headLength(a) || df(b) - df(a))
      for (const id of ids.slice(0, MAX_EXPANSIONS)) out.push([id, MATCH_WEIGHT.prefix])
    }
    if (term.fuzzy) for (const id of this.#vocab.oneEditFrom(term.word)) out.push([id, MATCH_WEIGHT.fuzzy])
    return out
  }

  #filter(query: SearchQuery): (doc: SearchDoc) => boolean {
    const tag = query.tag?.toLowerCase()
    return (doc) => {
      if (query.channel && doc.channel !== query.channel) return false
      if (query.openFollowUpsOnly && !(doc.kind === 'followUp' && doc.open)) return false
      if (query.from || query.to) {
        const day = doc.day?.slice(0, 10)
        if (!day || (query.from && day < query.from) || (query.to && day > query.to)) return false
      }
      if (tag && !doc.personIds.some((id) => this.#people.get(id)?.tags.some((t) => t.toLowerCase() === tag))) return false
      return true
    }
  }

  #add(item: object, collection: IndexedCollection): void {
    const make = INDEXED[collection] as (item: object) => SearchDoc | null
    const doc = make(item)
    if (!doc) return
    const keys = this.#byKey[doc.kind]
    const existing = keys.get(doc.id)
    if (existing !== undefined) {
      if (this.#docs[existing]?.source === item) return
      this.#kill(existing)
    }
    const n = this.#docs.length
    this.#docs.push(doc)
    keys.set(doc.id, n)
    this.#post(doc, n)
  }

  #remove(item: object, collection: IndexedCollection): void {
    const make = INDEXED[collection] as (item: object) => SearchDoc | null
    const doc = make(item)
    if (!doc) return
    const n = this.#byKey[doc.kind].get(doc.id)
    // Only if the index still holds this very item: a newer version may already have replaced it.
    if (n !== undefined && this.#docs[n]?.source === item) {
      this.#kill(n)
      this.#byKey[doc.kind].delete(doc.id)
    }
  }

  /** Postings of dead documents stay until compaction; queries skip them. */
  #kill(n: number): void {
    if (this.#docs[n] === null) return
    this.#docs[n] = null
    this.#dead++
  }

  /** Posts one document's words (an item added or changed after the build). */
  #post(doc: SearchDoc, n: number): void {
    const { terms, keys, length } = tokenizeDocs([doc.head], [doc.body], STOP_LIST)
    const ids = terms.map((term) => this.#vocab.add(term))
    this.#padLists()
    for (let k = 0; k < length; k++) {
      const key = keys[k]!
      const lists = (key & 1) === 1 ? this.#body : this.#head
      const id = ids[key >> 1]!
      let list = lists[id]!
      if (list === EMPTY) list = lists[id] = new Postings()
      list.push(n)
    }
  }

  /** Both lists grow one slot per new word, so they stay dense arrays (a sparse one is many times slower). */
  #padLists(): void {
    while (this.#head.length < this.#vocab.terms.length) {
      this.#head.push(EMPTY)
      this.#body.push(EMPTY)
    }
  }

  #ensureScratch(): void {
    const n = this.#docs.length
    if (this.#total.length >= n) return
    const size = Math.max(1024, n * 2)
    this.#total = new Float64Array(size)
    this.#termScore = new Float64Array(size)
    this.#mask = new Uint16Array(size)
  }

  /**
   * Drops dead documents and the words only they held, renumbering the rest in order. No text is read
   * again, so this runs when many documents have died and before every save (deleted notes' words must
   * not outlive them in the saved file).
   */
  #compact(): void {
    const renumber = new Int32Array(this.#docs.length).fill(-1)
    const docs: SearchDoc[] = []
    const byKey = newKeyMaps()
    for (const [n, doc] of this.#docs.entries()) {
      if (!doc) continue
      renumber[n] = docs.length
      byKey[doc.kind].set(doc.id, docs.length)
      docs.push(doc)
    }
    const vocab = new Vocabulary()
    const head: Postings[] = []
    const body: Postings[] = []
    vocab.beginBulk()
    for (const [word, term] of this.#vocab.terms.entries()) {
      const h = renumbered(this.#head[word]!, renumber)
      const b = renumbered(this.#body[word]!, renumber)
      if (h === EMPTY && b === EMPTY) continue
      vocab.add(term)
      head.push(h)
      body.push(b)
    }
    vocab.endBulk()
    this.#vocab = vocab
    this.#head = head
    this.#body = body
    this.#docs = docs
    this.#byKey = byKey
    this.#dead = 0
  }
}

/** A list with its documents renumbered (-1: dropped), exactly sized; EMPTY if none are left. */
function renumbered(list: Postings, renumber: Int32Array): Postings {
  if (list === EMPTY) return EMPTY
  const out = new Postings(list.size + 3)
  for (const doc of list.toArray()) if (renumber[doc]! >= 0) out.push(renumber[doc]!)
  return out.length === 0 ? EMPTY : Postings.view(out.data.slice(0, out.size), out.length, out.last)
}

function newKeyMaps<T = number>(): Record<SearchKind, Map<string, T>> {
  return { person: new Map(), conversation: new Map(), interest: new Map(), challenge: new Map(), followUp: new Map() }
}

function popcount(bits: number): number {
  let count = 0
  for (let b = bits; b !== 0; b &= b - 1) count++
  return count
}

/** Recent entries rank above old ones; undated ones (people, interests) sit in between. */
function recency(day: string | null, now: Date): number {
  if (!day) return 1.2
  const ageDays = Math.max(0, (now.getTime() - Date.parse(day.length === 10 ? `${day}T12:00:00` : day)) / 86_400_000)
  return 1 + 0.6 * Math.exp(-ageDays / 90)
}

function monthBoost(day: string | null, months: number[]): number {
  if (months.length === 0 || !day) return 1
  return months.includes(Number(day.slice(5, 7))) ? 2 : 1
}
