/**
 * The search index saved beside the journal when Rapport closes (`journal.json.search-index`), so the next
 * launch reads it in a few milliseconds instead of re-reading every word of every note. It is a cache, never
 * the data: it is used only when it was made from exactly the journal file on disk (same SHA-256), by the
 * same tokeniser and document rules, and its own checksum holds; otherwise the index is built afresh.
 *
 * Layout: "RPIDX002", SHA-256 of the rest (32 bytes), then the rest: header length (u32 LE), the header
 * (JSON: journal hash, rules fingerprint, words, documents), padding to 4 bytes, per-word postings metadata
 * (u32 × 3 per field, FIELDS fields: size, count, last), and every list's 16-bit gaps (see postings.ts).
 * The header's first field is the journal's hash, so a launch can peek at it (savedIndexJournal).
 */
import { createHash } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import type { Journal } from '../../shared/schema/journal.ts'
import type { SearchKind } from '../../shared/search.ts'
import { writeFileDurable } from '../journal/durable-write.ts'
import { sha256 } from '../journal/file-hash.ts'
import { FIELDS, INDEXED } from './documents.ts'
import { FOLD_RULES } from '../../shared/fold-key.ts'
import { Postings } from './postings.ts'
import { SearchIndex } from './search-index.ts'
import { STOP_WORDS } from './stop-words.ts'
import { tokenizeDocs } from './tokenize-docs.ts'

const MAGIC = 'RPIDX002'
const HASH_BYTES = 32
const META = 3 * FIELDS

/** What an index holds, apart from what it can take from the journal itself. */
export interface IndexSnapshot {
  terms: readonly string[]
  /** Each document number's item, or null for a document deleted since the build. */
  docs: ReadonlyArray<{ kind: SearchKind; id: string } | null>
  /** Word `id`'s list in field `f` is at id × FIELDS + f. */
  lists: readonly Postings[]
}

interface Header {
  journal: string
  rules: string
  terms: string[]
  kinds: string
  ids: string[]
}

const KIND_CODES: Record<SearchKind, string> = {
  person: 'p',
  conversation: 'c',
  interest: 'i',
  challenge: 'h',
  followUp: 'f'
}
const KINDS_BY_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as SearchKind]))

/**
 * Changes whenever the way documents are made or words are read changes, so an index saved by another
 * version of Rapport is not trusted.
 */
const RULES = sha256(
  [
    tokenizeDocs.toString(),
    FOLD_RULES,
    ...Object.values(INDEXED).map((make) => make.toString()),
    [...STOP_WORDS].join(' ')
  ].join('\n')
)

export function savedIndexPath(journalPath: string): string {
  return `${journalPath}.search-index`
}

export function encodeIndex(snapshot: IndexSnapshot, journalHash: string): Uint8Array {
  const header: Header = {
    journal: journalHash,
    rules: RULES,
    terms: [...snapshot.terms],
    kinds: snapshot.docs.map((doc) => (doc ? KIND_CODES[doc.kind] : '-')).join(''),
    ids: snapshot.docs.map((doc) => doc?.id ?? '')
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header))
  const words = snapshot.terms.length
  const meta = new Uint32Array(words * META)
  let dataLength = 0
  for (const [n, list] of snapshot.lists.entries()) {
    meta.set([list.size, list.length, list.last], n * 3)
    dataLength += list.size
  }
  const metaAt = align4(4 + headerBytes.length)
  const dataAt = metaAt + meta.byteLength
  const rest = new Uint8Array(dataAt + dataLength * 2)
  new DataView(rest.buffer).setUint32(0, headerBytes.length, true)
  rest.set(headerBytes, 4)
  rest.set(new Uint8Array(meta.buffer), metaAt)
  const data = new Uint16Array(rest.buffer, dataAt, dataLength)
  let at = 0
  for (const list of snapshot.lists) {
    data.set(list.data.subarray(0, list.size), at)
    at += list.size
  }
  const file = new Uint8Array(MAGIC.length + HASH_BYTES + rest.length)
  file.set(new TextEncoder().encode(MAGIC), 0)
  file.set(checksum(rest), MAGIC.length)
  file.set(rest, MAGIC.length + HASH_BYTES)
  return file
}

/** The snapshot in `file`, or null if it is damaged, from other rules, or not of this journal. */
export function decodeIndex(file: Uint8Array, journalHash: string): IndexSnapshot | null {
  const start = MAGIC.length + HASH_BYTES
  if (file.length < start + 4 || new TextDecoder().decode(file.subarray(0, MAGIC.length)) !== MAGIC) return null
  const rest = file.subarray(start)
  if (!checksum(rest).equals(file.subarray(MAGIC.length, start))) return null
  // Typed arrays need aligned offsets: work on an aligned copy if the file's bytes are not.
  const bytes = rest.byteOffset % 4 === 0 ? rest : rest.slice()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = view.getUint32(0, true)
  if (4 + headerLength > bytes.length) return null
  let header: Header
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header
  } catch {
    return null
  }
  if (header.journal !== journalHash || header.rules !== RULES) return null
  if (!Array.isArray(header.terms) || !Array.isArray(header.ids) || header.kinds.length !== header.ids.length)
    return null
  const words = header.terms.length
  const metaAt = align4(4 + headerLength)
  const dataAt = metaAt + words * META * 4
  if (dataAt > bytes.length || (bytes.length - dataAt) % 2 !== 0) return null
  const meta = new Uint32Array(bytes.buffer, bytes.byteOffset + metaAt, words * META)
  const data = new Uint16Array(bytes.buffer, bytes.byteOffset + dataAt, (bytes.length - dataAt) / 2)
  const lists: Postings[] = []
  let at = 0
  for (let n = 0; n < words * FIELDS; n++) {
    const size = meta[n * 3]!
    if (at + size > data.length) return null
    lists.push(Postings.view(data.subarray(at, at + size), meta[n * 3 + 1]!, meta[n * 3 + 2]!))
    at += size
  }
  if (at !== data.length) return null
  const docs: Array<{ kind: SearchKind; id: string } | null> = []
  for (let n = 0; n < header.ids.length; n++) {
    const code = header.kinds[n]!
    const kind = KINDS_BY_CODE.get(code)
    if (code !== '-' && !kind) return null
    docs.push(kind ? { kind, id: header.ids[n]! } : null)
  }
  return { terms: header.terms, docs, lists }
}

/** The saved index of `journalPath`, fitted to `journal`; null when there is none or it cannot be used. */
export async function readSavedIndex(
  journalPath: string,
  journal: Journal,
  journalHash: string
): Promise<SearchIndex | null> {
  let snapshot: IndexSnapshot | null
  try {
    snapshot = decodeIndex(await readFile(savedIndexPath(journalPath)), journalHash)
  } catch {
    return null
  }
  return snapshot && SearchIndex.fromSnapshot(journal, snapshot)
}

/**
 * The SHA-256 of the journal file the saved index was made from, read from the first bytes of the saved
 * index alone (its checksum is not checked here); null if there is none. A launch peeks at it so that it
 * reads the whole saved index only when it was made from the journal file just read.
 */
export async function savedIndexJournal(journalPath: string): Promise<string | null> {
  try {
    const file = await open(savedIndexPath(journalPath), 'r')
    try {
      const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(160), position: 0 })
      const start = buffer.subarray(0, bytesRead)
      if (start.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null
      return (
        /^\{"journal":"([0-9a-f]{64})"/.exec(start.subarray(MAGIC.length + HASH_BYTES + 4).toString('latin1'))?.[1] ??
        null
      )
    } finally {
      await file.close()
    }
  } catch {
    return null
  }
}

/** Saves the index of the journal whose file has the SHA-256 `journalHash`. */
export async function saveIndex(journalPath: string, snapshot: IndexSnapshot, journalHash: string): Promise<void> {
  await writeFileDurable(savedIndexPath(journalPath), encodeIndex(snapshot, journalHash))
}

/** The file's own checksum: SHA-256 of everything after it, as 32 raw bytes. */
function checksum(rest: Uint8Array): Buffer {
  return createHash('sha256').update(rest).digest()
}

function align4(n: number): number {
  return (n + 3) & ~3
}
