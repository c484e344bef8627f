/**
 * A whole file sealed with the journal's key (the snapshot, a backup, the saved search index):
 *
 *     RAPPORT-SEALED-1\n
 *     <first 16 hex digits of the SHA-256 of the header> <header JSON>\n
 *     <nonce 12> <AES-256-GCM ciphertext> <tag 16>
 *
 * The header holds the wrapped key (journal-key.ts) and, for the search index, the journal position it is
 * of. Both lines are the cipher's associated data, so the header is authenticated with the contents; its
 * checksum tells a damaged header (damage) from an intact one the passphrase does not unwrap (a wrong
 * passphrase). One flipped bit anywhere fails one of the two.
 */
import { createHash } from 'node:crypto'
import { isKeyWrap } from './journal-key.ts'
import type { JournalKey, KeyWrap } from './journal-key.ts'

export const SEALED_MAGIC = 'RAPPORT-SEALED-1\n'
const MAGIC_BYTES = Buffer.from(SEALED_MAGIC)
const MAX_HEADER = 4096

export interface SealHeader extends KeyWrap {
  /** The saved search index's journal position (`<snapshot SHA-256>+<seq>`), readable without the key. */
  for?: string
}

/** A sealed file that cannot be opened: damaged, or sealed with another key. The message says which. */
export class SealProblem extends Error {
  override name = 'SealProblem'
}

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC_BYTES.length && MAGIC_BYTES.equals(bytes.subarray(0, MAGIC_BYTES.length))
}

/** The header of a sealed file and where its contents start; SealProblem when the header is damaged. */
export function readSealHeader(bytes: Uint8Array): { header: SealHeader; context: Buffer; body: Uint8Array } {
  const end = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MAX_HEADER)).indexOf(
    0x0a,
    MAGIC_BYTES.length
  )
  const damaged = new SealProblem(
    'The protected file’s header is damaged: another program, or the disk, has changed it.'
  )
  if (!isSealed(bytes) || end === -1) throw damaged
  const line = Buffer.from(bytes.subarray(MAGIC_BYTES.length, end)).toString('latin1')
  const json = line.slice(17)
  if (line[16] !== ' ' || checksum(json) !== line.slice(0, 16)) throw damaged
  let header: unknown
  try {
    header = JSON.parse(json)
  } catch {
    throw damaged
  }
  if (!isKeyWrap(header)) throw damaged
  return { header, context: Buffer.from(bytes.subarray(0, end + 1)), body: bytes.subarray(end + 1) }
}

/** The first lines of a file sealed with `key`, which are also its associated data. */
export function sealHeaderBytes(key: JournalKey, extra: { for?: string } = {}): Buffer {
  const json = JSON.stringify({ ...key.wrap, ...extra })
  return Buffer.from(`${SEALED_MAGIC}${checksum(json)} ${json}\n`)
}

/** `plain` sealed as a whole file. */
export function sealFile(key: JournalKey, plain: Uint8Array, extra: { for?: string } = {}): Buffer {
  const head = sealHeaderBytes(key, extra)
  return Buffer.concat([head, key.seal(plain, head)])
}

/**
 * The contents of a sealed file. The key must be the file's own data key (its wrap may be an older
 * passphrase's: a passphrase change re-wraps file by file, and the key is the same).
 */
export function openSealed(bytes: Uint8Array, key: JournalKey): Buffer {
  const { header, context, body } = readSealHeader(bytes)
  if (header.key !== key.id)
    throw new SealProblem('It is protected with another key (a passphrase this journal no longer has).')
  const plain = key.open(body, context)
  if (!plain)
    throw new SealProblem(
      'The protected file fails its authentication check: it was cut short or changed by another program, or the disk.'
    )
  return plain
}

/** Whether a sealed file's header is the one `key` writes today (false: sealed under an older passphrase). */
export function hasCurrentWrap(bytes: Uint8Array, key: JournalKey): boolean {
  const { header } = readSealHeader(bytes)
  return header.key === key.id && header.salt === key.wrap.salt && header.wrap === key.wrap.wrap
}

function checksum(json: string): string {
  return createHash('sha256').update(json, 'latin1').digest('hex').slice(0, 16)
}
