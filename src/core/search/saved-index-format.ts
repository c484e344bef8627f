/**
 * The saved index's file format, shared by its writer (saved-index-encode.ts) and reader (saved-index.ts):
 * "RPIDX002", SHA-256 of the rest (32 bytes), then the rest: header length (u32 LE), the header (JSON: journal
 * position, rules fingerprint, words, documents), padding to 4 bytes, per-word postings metadata (u32 × 3 per
 * field, FIELDS fields: size, count, last), and every list's 16-bit gaps (see postings.ts).
 */
import { createHash } from 'node:crypto'
import { SCHEMA_VERSION } from '../../shared/schema/journal.ts'
import type { SearchKind } from '../../shared/search.ts'
import { sha256 } from '../journal/file-hash.ts'
import { FOLD_RULES } from '../../shared/fold-key.ts'
import { FIELDS, INDEXED } from './documents.ts'
import type { Postings } from './postings.ts'
import { STOP_WORDS } from './stop-words.ts'
import { tokenizeDocs } from './tokenize-docs.ts'

export const MAGIC = 'RPIDX002'
export const HASH_BYTES = 32
/** u32 values of metadata per word: size, count and last document of each field's list. */
export const META = 3 * FIELDS

/** What an index holds, apart from what it can take from the journal itself. */
export interface IndexSnapshot {
  terms: readonly string[]
  /** Each document number's item, or null for a document deleted since the build. */
  docs: ReadonlyArray<{ kind: SearchKind; id: string } | null>
  /** Word `id`'s list in field `f` is at id × FIELDS + f. */
  lists: readonly Postings[]
}

export interface Header {
  journal: string
  rules: string
  terms: string[]
  kinds: string
  ids: string[]
}

export const KIND_CODES: Record<SearchKind, string> = {
  person: 'p',
  conversation: 'c',
  interest: 'i',
  challenge: 'h',
  followUp: 'f'
}
export const KINDS_BY_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as SearchKind]))

/**
 * Changes whenever the way documents are made or words are read changes, so an index saved by another
 * version of Rapport is not trusted; and with the journal's schema version, because a launch trusts the
 * snapshot an index was saved for as already validated (see savedIndexJournal).
 */
export const RULES = sha256(
  [
    `schema ${SCHEMA_VERSION}`,
    tokenizeDocs.toString(),
    FOLD_RULES,
    ...Object.values(INDEXED).map((make) => make.toString()),
    [...STOP_WORDS].join(' ')
  ].join('\n')
)
/** The file's own checksum: SHA-256 of everything after it, as 32 raw bytes. */
export function checksum(rest: Uint8Array): Buffer {
  return createHash('sha256').update(rest).digest()
}

export function align4(n: number): number {
  return (n + 3) & ~3
}
