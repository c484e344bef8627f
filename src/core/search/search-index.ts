/**
 * The search index behind the quick switcher. An inverted index (word → documents per field, as typed
 * arrays) scores every match by its field and how well it matched (weights.ts) in a few milliseconds even
 * over 100,000 entries; the best documents are then checked for the query's words side by side (phrase.ts)
 * and grouped by person (rank.ts). Built once on load, then kept up to date from each change by comparing
 * the journal's items by identity (changes share every item they did not touch).
 */
import type { Journal } from '../../shared/schema/journal.ts'
import { diffList } from '../journal/change-diff.ts'
import type { Item } from '../journal/change-diff.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { SearchQuery, SearchResponse } from '../../shared/search.ts'
import { foldWord } from '../../shared/fold-key.ts'
import { documentsOf, FIELDS, fieldTexts, INDEXED } from './documents.ts'
import type { IndexedCollection, SearchDoc } from './documents.ts'
import { layOutPostings } from './bulk-postings.ts'
import { tokenizeDocs } from './tokenize-docs.ts'
import type { TokenizedDocs } from './tokenize-docs.ts'
import { EMPTY, Postings } from './postings.ts'
import { compactIndex, newKeyMaps } from './compaction.ts'
import { documentFrequency, expandTerm, monthBoost, popcount, queryFilter, recency } from './query-match.ts'
import { QueryScores } from './query-scores.ts'
import { adjacentPairs } from './phrase.ts'
import { rankGroups } from './rank.ts'
import { parseQuery } from './query-terms.ts'
import type { QueryTerm } from './query-terms.ts'
import { TopK } from './top-k.ts'
import { STOP_WORDS } from './stop-words.ts'
import { Vocabulary } from './vocabulary.ts'
import { KIND_CODES, PHRASE_GAIN, WEIGHT_TABLE } from './weights.ts'
import type { IndexSnapshot } from './saved-index-format.ts'
import type { Ranked } from './rank.ts'
import { DocTable } from './doc-table.ts'

const CANDIDATES = 300
/** How many of the best documents are read again for the query's words side by side. */
const PHRASE_CHECKS = 100
const STOP_LIST = [...STOP_WORDS]

export class SearchIndex {
  #vocab = new Vocabulary()
  /** Word `id`'s documents in field `f` are at id × FIELDS + f. */
  #lists: Postings[] = []
  #table = new DocTable()
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
    return index.#finish(tokenizeDocs(fieldTexts(index.#documents()), STOP_LIST, foldWord))
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
        index.#table.push(null)
        index.#dead++
        continue
      }
      const doc = made[saved.kind].get(saved.id)
      if (!doc || index.#byKey[doc.kind].has(doc.id)) return null
      index.#byKey[doc.kind].set(doc.id, index.#table.push(doc))
    }
    if (index.#table.length - index.#dead !== live || snapshot.lists.length !== snapshot.terms.length * FIELDS)
      return null
    index.#vocab.beginBulk()
    for (const [id, term] of snapshot.terms.entries()) if (index.#vocab.add(term) !== id) return null
    index.#vocab.endBulk()
    index.#lists = snapshot.lists.map((list) => (list.length === 0 ? EMPTY : list))
    index.#people = new Map(journal.people.map((p) => [p.id, p]))
    return index
  }

  /** What to save so that fromSnapshot can rebuild this index without reading the notes again (compacts first). */
  snapshot(): IndexSnapshot {
    if (this.#dead > 0) this.#compact()
    return {
      terms: this.#vocab.terms,
      docs: this.#table.docs.map((doc) => doc && { kind: doc.kind, id: doc.id }),
      lists: this.#lists
    }
  }

  /** Goes up with every change the index takes in: a saved copy is stale once it has moved on. */
  get changes(): number {
    return this.#changes
  }

  /** Makes a document for every item, in order, and returns them for tokenising. */
  #documents(): SearchDoc[] {
    const docs: SearchDoc[] = []
    for (const doc of documentsOf(this.#journal)) {
      this.#byKey[doc.kind].set(doc.id, this.#table.push(doc))
      docs.push(doc)
    }
    return docs
  }

  /** Numbers the documents' words into the vocabulary and lays out the postings. */
  #finish(docs: TokenizedDocs): this {
    this.#vocab.beginBulk()
    const ids = Int32Array.from(docs.terms, (term) => this.#vocab.add(term))
    this.#vocab.endBulk()
    this.#padLists()
    layOutPostings(docs, ids, this.#lists)
    this.#people = new Map(this.#journal.people.map((p) => [p.id, p]))
    return this
  }

  get size(): { docs: number; words: number } {
    return { docs: this.#table.length - this.#dead, words: this.#vocab.terms.length }
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
    if (this.#dead > 1000 && this.#dead > this.#table.length / 4) this.#compact()
  }

  search(query: SearchQuery, now: Date): SearchResponse {
    const started = performance.now()
    const terms = parseQuery(query.text)
    const termWords = terms.map(() => new Set<string>())
    const ranked = terms.length > 0 ? this.#score(terms, query, now, termWords) : []
    // Documents with the query's words side by side rise above those with the same words scattered.
    const phrase = termWords.filter((_, i) => !terms[i]!.soft)
    if (phrase.length > 1) {
      for (const entry of ranked.slice(0, PHRASE_CHECKS))
        entry.score *= 1 + (PHRASE_GAIN * adjacentPairs(entry.doc, phrase)) / (phrase.length - 1)
      ranked.sort((a, b) => b.score - a.score)
    }
    const matched = new Set(termWords.flatMap((words) => [...words]))
    const groups = rankGroups(ranked, query.limit ?? 20, this.#people, matched, this.#table.lastContacts(), now)
    return { groups, tookMs: performance.now() - started }
  }

  /**
   * Scores every document that matches and returns the best, best first, each with which of the query's
   * words it has (a bit each); notes the vocabulary words each query word matched in `termWords`.
   */
  #score(terms: QueryTerm[], query: SearchQuery, now: Date, termWords: Array<Set<string>>): Ranked[] {
    const scores = this.#scores
    scores.fit(this.#table.length)
    const { total, mask, touched } = scores
    const docCount = Math.max(1, this.#table.length - this.#dead)
    const byKind = new Float64Array(KIND_CODES.length)
    terms.forEach((term, i) => {
      const expansions = expandTerm(term, this.#vocab, this.#lists)
      // One rarity for all the words a query word stands for, taken from the commonest of them: a rare typo
      // of a common word must not outscore the word itself.
      let df = 0
      for (const [id] of expansions) df = Math.max(df, documentFrequency(this.#lists, id))
      const idf = Math.log(1 + docCount / (1 + df))
      for (const [id, quality] of expansions) {
        termWords[i]!.add(this.#vocab.terms[id]!)
        for (let field = 0; field < FIELDS; field++) {
          const list = this.#lists[id * FIELDS + field]!
          if (list === EMPTY) continue
          for (let kind = 0; kind < byKind.length; kind++)
            byKind[kind] = idf * quality * WEIGHT_TABLE[kind * FIELDS + field]!
          scores.collect(list, byKind, this.#table.kinds)
        }
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
    const top = new TopK(CANDIDATES)
    const nowMs = now.getTime()
    for (const doc of touched) {
      const d = this.#table.docs[doc]
      if (d && popcount(mask[doc]! & required) === best && filter(d)) {
        top.offer(doc, total[doc]! * partial * recency(this.#table.times[doc]!, nowMs) * monthBoost(d.day, months))
      }
    }
    const ranked = top
      .sorted()
      .map(({ id, score }) => ({ doc: this.#table.docs[id]!, score, words: mask[id]! & required }))
    for (const doc of touched) {
      total[doc] = 0
      mask[doc] = 0
    }
    touched.length = 0
    return ranked
  }

  #add(item: object, collection: IndexedCollection): void {
    const make = INDEXED[collection] as (item: object) => SearchDoc | null
    const doc = make(item)
    if (!doc) return
    const keys = this.#byKey[doc.kind]
    const existing = keys.get(doc.id)
    if (existing !== undefined) {
      if (this.#table.docs[existing]?.source === item) return
      this.#kill(existing)
    }
    const n = this.#table.push(doc)
    keys.set(doc.id, n)
    this.#post(doc, n)
  }

  #remove(item: object, collection: IndexedCollection): void {
    const make = INDEXED[collection] as (item: object) => SearchDoc | null
    const doc = make(item)
    if (!doc) return
    const n = this.#byKey[doc.kind].get(doc.id)
    // Only if the index still holds this very item: a newer version may already have replaced it.
    if (n !== undefined && this.#table.docs[n]?.source === item) {
      this.#kill(n)
      this.#byKey[doc.kind].delete(doc.id)
    }
  }

  /** Postings of dead documents stay until compaction; queries skip them. */
  #kill(n: number): void {
    if (this.#table.docs[n] === null) return
    this.#table.remove(n)
    this.#dead++
  }

  /** Posts one document's words (an item added or changed after the build). */
  #post(doc: SearchDoc, n: number): void {
    const { terms, keys, length } = tokenizeDocs(fieldTexts([doc]), STOP_LIST, foldWord)
    const ids = terms.map((term) => this.#vocab.add(term))
    this.#padLists()
    for (let k = 0; k < length; k++) {
      const field = keys[k]! % FIELDS
      const at = ids[(keys[k]! - field) / FIELDS]! * FIELDS + field
      let list = this.#lists[at]!
      if (list === EMPTY) list = this.#lists[at] = new Postings()
      list.push(n)
    }
  }

  /** The lists grow FIELDS slots per new word, so they stay a dense array (a sparse one is many times slower). */
  #padLists(): void {
    while (this.#lists.length < this.#vocab.terms.length * FIELDS) this.#lists.push(EMPTY)
  }

  /** See compactIndex: run when many documents have died, and before every save. */
  #compact(): void {
    const compacted = compactIndex(this.#table.docs, this.#vocab, this.#lists)
    this.#vocab = compacted.vocab
    this.#lists = compacted.lists
    this.#table = new DocTable()
    for (const doc of compacted.docs) this.#table.push(doc)
    this.#byKey = compacted.byKey
    this.#dead = 0
  }
}
