/**
 * Lays out the postings of a whole-journal build in one pass: the tokenised documents' keys are counted per
 * (word, field), then every word's postings are filled in, in ascending document order, and encoded as an
 * exact slice of one shared buffer.
 */
import { FIELDS } from './documents.ts'
import { encodedSize, encodeInto, Postings } from './postings.ts'
import type { TokenizedDocs } from './tokenize-docs.ts'

/**
 * `ids[local]` is the vocabulary id of the tokeniser's word `local`; `lists[id × FIELDS + field]` receives
 * each list, and is as long as the vocabulary times FIELDS.
 */
export function layOutPostings(docs: TokenizedDocs, ids: Int32Array, lists: Postings[]): void {
  // The tokeniser's keys are local word × FIELDS + field; the index's are vocabulary id × FIELDS + field.
  // Int32Array, not Uint32Array: V8 indexes slowly with values that may not fit a small integer (measured:
  // the layout took twice as long).
  const global = new Int32Array(ids.length * FIELDS)
  for (let local = 0; local < ids.length; local++)
    for (let field = 0; field < FIELDS; field++) global[local * FIELDS + field] = ids[local]! * FIELDS + field
  const counts = new Uint32Array(lists.length)
  for (let k = 0; k < docs.length; k++) counts[global[docs.keys[k]!]!]!++
  const offsets = new Uint32Array(counts.length + 1)
  for (let key = 0; key < counts.length; key++) offsets[key + 1] = offsets[key]! + counts[key]!
  const all = new Uint32Array(offsets[counts.length]!)
  const fill = offsets.slice(0, counts.length)
  let k = 0
  for (let doc = 0; doc < docs.docEnds.length; doc++) {
    for (const end = docs.docEnds[doc]!; k < end; k++) all[fill[global[docs.keys[k]!]!]!++] = doc
  }
  // Then every list is encoded as gaps into one shared buffer, half the size of the plain numbers.
  let size = 0
  for (let key = 0; key < counts.length; key++) size += encodedSize(all, offsets[key]!, offsets[key + 1]!)
  const encoded = new Uint16Array(size)
  let at = 0
  for (let key = 0; key < counts.length; key++) {
    if (counts[key] === 0) continue
    const start = at
    at = encodeInto(all, offsets[key]!, offsets[key + 1]!, encoded, at)
    lists[key] = Postings.view(encoded.subarray(start, at), counts[key]!, all[offsets[key + 1]! - 1]!)
  }
}
