/**
 * The search index behind the quick switcher. An inverted index (word → documents, as typed arrays) finds
 * candidates in a few milliseconds even over 100,000 entries; fuse.js then ranks the short list of people
 * those candidates belong to by how well their names match. Built once on load, then kept up to date from
 * each change by comparing the journal's items by identity (changes share every item they did not touch).
 */
import type { Journal } from '../../shared/schema/journal.ts'
import { diffList } from '../journal/change-diff.ts'
import type { Item } from '../journal/change-diff.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { SearchQuery, SearchResponse } from '../../shared/search.ts'
import { documentsOf, INDEXED } from './documents.ts'
import type { IndexedCollection, SearchDoc } from './documents.ts'
import { layOutPostings } from './bulk-postings.ts'
import { tokenizeDocs } from './tokenize-docs.ts'
import type { TokenizedDocs } from './tokenize-docs.ts'
import { EMPTY, Postings } from './postings.ts'
import { compactIndex, newKeyMaps } from './compaction.ts'
import { expandTerm, monthBoost, popcount, queryFilter, recency } from './query-match.ts'
import { QueryScores } from './query-scores.ts'
import { rankGroups } from './rank.ts'
import { parseQuery } from './query-terms.ts'
import type { QueryTerm } from './query-terms.ts'
import { TopK } from './top-k.ts'
import { STOP_WORDS } from './stop-words.ts'
import { Vocabulary } from './vocabulary.ts'
import type { IndexSnapshot } from './saved-index-format.ts'

const HEAD_WEIGHT = 4
const KIND_WEIGHT = { person: 1.6, interest: 1.3, conversation: 1, challenge: 1.1, followUp: 1.1 } as const
const CANDIDATES = 300
const STOP_LIST = [...STOP_WORDS]

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
  #scores = new QueryScores()

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
    return {
      terms: this.#vocab.terms,
      docs: this.#docs.map((doc) => doc && { kind: doc.kind, id: doc.id }),
      head: this.#head,
      body: this.#body
    }
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
      // Added or removed items: found the way the change log finds them, in time proportional to the change.
      const { del, ins } = diffList(before as readonly Item[], after as readonly Item[])
      for (const [at] of del) this.#remove(before[at]!, collection)
      for (const [, item] of ins) this.#add(item, collection)
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
    const scores = this.#scores
    scores.fit(this.#docs.length)
    const { total, mask, touched } = scores
    const docCount = Math.max(1, this.#docs.length - this.#dead)
    terms.forEach((term, i) => {
      for (const [termId, quality] of expandTerm(term, this.#vocab, this.#head, this.#body)) {
        matched.add(this.#vocab.terms[termId]!)
        const head = this.#head[termId]
        const body = this.#body[termId]
        const idf = Math.log(1 + docCount / (1 + (head?.length ?? 0) + (body?.length ?? 0)))
        scores.collect(head, idf * quality * HEAD_WEIGHT)
        scores.collect(body, idf * quality)
      }
      scores.endWord(i)
    })
    // Every word (month hints aside) must match; if no document has them all, the best partial ones show.
    const required = terms.reduce((bits, term, i) => (term.soft ? bits : bits | (1 << i)), 0)
    let best = 0
    for (const doc of touched) best = Math.max(best, popcount(mask[doc]! & required))
    const partial = best < popcount(required) ? 0.5 : 1
    const months = terms.flatMap((t) => (t.month === null ? [] : [t.month]))
    const filter = queryFilter(query, this.#people)
    for (const doc of touched) {
      const d = this.#docs[doc]
      if (d && popcount(mask[doc]! & required) === best && filter(d)) {
        top.offer(doc, total[doc]! * partial * KIND_WEIGHT[d.kind] * recency(d.day, now) * monthBoost(d.day, months))
      }
      total[doc] = 0
      mask[doc] = 0
    }
    touched.length = 0
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

  /** See compactIndex: run when many documents have died, and before every save. */
  #compact(): void {
    const compacted = compactIndex(this.#docs, this.#vocab, this.#head, this.#body)
    this.#vocab = compacted.vocab
    this.#head = compacted.head
    this.#body = compacted.body
    this.#docs = compacted.docs
    this.#byKey = compacted.byKey
    this.#dead = 0
  }
}
