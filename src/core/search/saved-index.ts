/**
 * The search index saved beside the journal when Rapport closes (`journal.json.search-index`), so the next
 * launch reads it in a few milliseconds instead of re-reading every word of every note. It is a cache, never
 * the data: it is used only when it was made from exactly the journal file on disk (same SHA-256), by the
 * same tokeniser and document rules, and its own checksum holds; otherwise the index is built afresh.
 *
 * The format is saved-index-format.ts; its writer saved-index-encode.ts. The header's first field is the
 * journal's position, so a launch can peek at it (savedIndexJournal). A protected journal's index is sealed
 * with its key (sealed-file.ts), its position and rules in the sealed header, readable without the key.
 */
import { open, readFile } from 'node:fs/promises'
import type { JournalKey } from '../crypt/journal-key.ts'
import { isSealed, openSealed, readSealHeader, sealFile } from '../crypt/sealed-file.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { SearchKind } from '../../shared/search.ts'
import { writeFileDurable } from '../journal/durable-write.ts'
import { FIELDS } from './documents.ts'
import { Postings } from './postings.ts'
import { encodeIndexSliced } from './saved-index-encode.ts'
import { checksum, HASH_BYTES, KINDS_BY_CODE, MAGIC, META, RULES, align4 } from './saved-index-format.ts'
import type { Header, IndexSnapshot } from './saved-index-format.ts'
import { SearchIndex } from './search-index.ts'

export { encodeIndex } from './saved-index-encode.ts'
export type { IndexSnapshot } from './saved-index-format.ts'

export function savedIndexPath(journalPath: string): string {
  return `${journalPath}.search-index`
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

/**
 * The saved index of `journalPath`, fitted to `journal`; null when there is none or it cannot be used.
 * `prefetched`: the file's bytes as read earlier (a launch starts reading them beside the journal's).
 */
export async function readSavedIndex(
  journalPath: string,
  journal: Journal,
  journalHash: string,
  key: JournalKey | null = null,
  prefetched?: Promise<Uint8Array | null>
): Promise<SearchIndex | null> {
  let snapshot: IndexSnapshot | null
  try {
    const bytes = await (prefetched ?? prefetchSavedIndex(journalPath))
    if (!bytes) return null
    // A protected journal's index must be sealed with its key, and a clear journal's in clear.
    if (isSealed(bytes) !== (key !== null)) return null
    snapshot = decodeIndex(key ? openSealed(bytes, key) : bytes, journalHash)
  } catch {
    return null
  }
  return snapshot && SearchIndex.fromSnapshot(journal, snapshot)
}

/** Starts reading the saved index's bytes (null if it cannot be read): the file comes while other work runs. */
export function prefetchSavedIndex(journalPath: string): Promise<Uint8Array | null> {
  return readFile(savedIndexPath(journalPath)).catch(() => null)
}

/**
 * The journal position (`<snapshot SHA-256>+<last change>`) the saved index was made from, read from the first
 * bytes of the saved index alone (its checksum is not checked here); null if there is none or another build's
 * rules made it. A launch peeks at it so that it reads the whole saved index only when it fits the journal just
 * read — and skips validating a snapshot whose bytes hash to the one named: this build's rules (schema version
 * included) saved that index from a journal it held in memory, which it had validated when it read or wrote it.
 */
export async function savedIndexJournal(journalPath: string): Promise<string | null> {
  try {
    const file = await open(savedIndexPath(journalPath), 'r')
    try {
      const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(4096), position: 0 })
      const start = buffer.subarray(0, bytesRead)
      if (isSealed(start)) return sealedFor(readSealHeader(start).header.for)
      if (start.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null
      const head = /^\{"journal":"([0-9a-f]{64}\+\d+)","rules":"([0-9a-f]{64})"/.exec(
        start.subarray(MAGIC.length + HASH_BYTES + 4).toString('latin1')
      )
      return head && head[2] === RULES ? head[1]! : null
    } finally {
      await file.close()
    }
  } catch {
    return null
  }
}

/** Saves the index of the journal at position `journalHash`, encoded in slices that leave the main thread free. */
export async function saveIndex(
  journalPath: string,
  snapshot: IndexSnapshot,
  journalHash: string,
  key: JournalKey | null = null
): Promise<void> {
  const bytes = await encodeIndexSliced(snapshot, journalHash)
  await writeFileDurable(
    savedIndexPath(journalPath),
    key ? sealFile(key, bytes, { for: `${journalHash} ${RULES}` }) : bytes
  )
}

/** The position a sealed index's header names, if this build's rules made it. */
function sealedFor(value: string | undefined): string | null {
  const head = /^([0-9a-f]{64}\+\d+) ([0-9a-f]{64})$/.exec(value ?? '')
  return head && head[2] === RULES ? head[1]! : null
}
