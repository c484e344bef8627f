/**
 * Compaction: dead documents and the words only they held are dropped and the rest renumbered in order,
 * with no text read again.
 */
import type { SearchKind } from '../../shared/search.ts'
import { FIELDS } from './documents.ts'
import type { SearchDoc } from './documents.ts'
import { EMPTY, Postings } from './postings.ts'
import { Vocabulary } from './vocabulary.ts'

/**
 * Drops dead documents and the words only they held, renumbering the rest in order. No text is read
 * again, so this runs when many documents have died and before every save (deleted notes' words must
 * not outlive them in the saved file).
 */
export function compactIndex(
  docsBefore: ReadonlyArray<SearchDoc | null>,
  vocabBefore: Vocabulary,
  listsBefore: readonly Postings[]
): {
  docs: SearchDoc[]
  byKey: Record<SearchKind, Map<string, number>>
  vocab: Vocabulary
  lists: Postings[]
} {
  const renumber = new Int32Array(docsBefore.length).fill(-1)
  const docs: SearchDoc[] = []
  const byKey = newKeyMaps()
  for (const [n, doc] of docsBefore.entries()) {
    if (!doc) continue
    renumber[n] = docs.length
    byKey[doc.kind].set(doc.id, docs.length)
    docs.push(doc)
  }
  const vocab = new Vocabulary()
  const lists: Postings[] = []
  vocab.beginBulk()
  for (const [word, term] of vocabBefore.terms.entries()) {
    const kept = Array.from({ length: FIELDS }, (_, field) => renumbered(listsBefore[word * FIELDS + field]!, renumber))
    if (kept.every((list) => list === EMPTY)) continue
    vocab.add(term)
    lists.push(...kept)
  }
  vocab.endBulk()
  return { docs, byKey, vocab, lists }
}

/** A list with its documents renumbered (-1: dropped), exactly sized; EMPTY if none are left. */
function renumbered(list: Postings, renumber: Int32Array): Postings {
  if (list === EMPTY) return EMPTY
  const out = new Postings(list.size + 3)
  for (const doc of list.toArray()) if (renumber[doc]! >= 0) out.push(renumber[doc]!)
  return out.length === 0 ? EMPTY : Postings.view(out.data.slice(0, out.size), out.length, out.last)
}

/** One map per kind of document, from item id to T. */
export function newKeyMaps<T = number>(): Record<SearchKind, Map<string, T>> {
  return { person: new Map(), conversation: new Map(), interest: new Map(), challenge: new Map(), followUp: new Map() }
}
