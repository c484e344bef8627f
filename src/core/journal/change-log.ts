/**
 * The change log's format: one line per change, `<seq> <checksum> <json>\n`, where the checksum is the first
 * 16 hex digits of the SHA-256 of `<seq> <json>`. JSON escapes every newline, so a newline only ever ends a
 * record. Reading sorts what it finds into good records, a torn last record (a crash mid-append: dropped),
 * or damage (a bad record before the last one, or a gap in the sequence: never repaired, never overwritten).
 */
import { createHash } from 'node:crypto'
import type { JournalKey } from '../crypt/journal-key.ts'
import type { ChangeOp } from './change-diff.ts'
import { decodeUtf8 } from './utf8.ts'

export interface LogRecord {
  seq: number
  ops: ChangeOp[]
}

export type LogReading =
  | {
      ok: true
      records: LogRecord[]
      /** Bytes of the log up to the end of the last good record: where the next append goes. */
      goodBytes: number
      /** Set when the last record was cut short or garbled: its size in bytes, dropped. */
      tornBytes: number
    }
  | { ok: false; problem: string }

const LINE = /^(\d{1,15}) ([0-9a-f]{16}) (.*)$/s
const NEWLINE = 0x0a

function checksum(seq: number, json: string): string {
  return createHash('sha256').update(`${seq} ${json}`).digest('hex').slice(0, 16)
}

/**
 * A protected journal's record: `<seq> <base64 of nonce, AES-256-GCM ciphertext of the JSON, tag>\n`, the
 * key's id and the seq authenticated with it (a record cannot be moved, or taken from another journal).
 */
const SEALED_LINE = /^(\d{1,15}) ([A-Za-z0-9+/]+={0,2})$/

function sealedContext(key: JournalKey, seq: number): Buffer {
  return Buffer.from(`rapport-log ${key.id} ${seq}`)
}

/** The bytes of one record, ready to append; sealed with `key` for a protected journal. */
export function encodeRecord(record: LogRecord, key: JournalKey | null = null): Buffer {
  const json = JSON.stringify(record.ops)
  if (key) {
    const blob = key.seal(Buffer.from(json), sealedContext(key, record.seq))
    return Buffer.from(`${record.seq} ${blob.toString('base64')}\n`)
  }
  return Buffer.from(`${record.seq} ${checksum(record.seq, json)} ${json}\n`)
}

/** One line without its newline, or null when it is not a whole, intact record. */
function decodeLine(line: string, key: JournalKey | null): LogRecord | null {
  let seq: number
  let json: string
  if (key) {
    const match = SEALED_LINE.exec(line)
    if (!match) return null
    seq = Number(match[1])
    const plain = key.open(Buffer.from(match[2]!, 'base64'), sealedContext(key, seq))
    if (!plain) return null
    json = plain.toString('utf8')
  } else {
    const match = LINE.exec(line)
    if (!match) return null
    seq = Number(match[1])
    if (checksum(seq, match[3]!) !== match[2]) return null
    json = match[3]!
  }
  try {
    const ops: unknown = JSON.parse(json)
    return Array.isArray(ops) ? { seq, ops: ops as ChangeOp[] } : null
  } catch {
    return null
  }
}

/**
 * A protected journal's last record that fails its check is damage, not a torn append, when a crash cannot
 * explain it: the line is whole (a crash leaves a prefix, or zeros), or it is a whole record whose newline
 * was changed. So a flipped bit there is reported too, never dropped as a save that never finished.
 */
function sealedTailDamaged(tail: Uint8Array, key: JournalKey): boolean {
  if (tail.includes(0)) return false
  const text = Buffer.from(tail).toString('latin1')
  if (text.endsWith('\n')) return true
  return decodeLine(text.slice(0, -1), key) !== null
}

/**
 * Reads a whole log. Only the last record may be bad — a crash can cut the one append in flight, and only
 * that one, since each append is fsynced before the next starts. Anything else is damage.
 */
export function readLog(bytes: Uint8Array, key: JournalKey | null = null): LogReading {
  const records: LogRecord[] = []
  let start = 0
  let goodBytes = 0
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start)
    const last = end === -1 || end === bytes.length - 1
    const line = end === -1 ? null : decodeUtf8(bytes.subarray(start, end))
    if (line && 'invalidAt' in line) {
      // A crash leaves the last record cut short, or with zeros where its bytes never reached the disk;
      // a whole line that is not UTF-8 was changed after it was written.
      const zeros = bytes.subarray(start, end).includes(0)
      if (!(last && zeros))
        return {
          ok: false,
          problem: `The change log is damaged: record ${records.length + 1} (byte ${start}) is not valid UTF-8 text (byte ${start + line.invalidAt}).`
        }
    }
    const record = line && 'text' in line ? decodeLine(line.text, key) : null
    if (!record) {
      if (last && key && sealedTailDamaged(bytes.subarray(start), key))
        return {
          ok: false,
          problem: `The change log is damaged: its last record (byte ${start}) fails its authentication check.`
        }
      if (last) return { ok: true, records, goodBytes, tornBytes: bytes.length - start }
      return {
        ok: false,
        problem: `The change log is damaged: record ${records.length + 1} (byte ${start}) is not intact, and records follow it.`
      }
    }
    const previous = records.at(-1)
    if (previous && record.seq !== previous.seq + 1) {
      return {
        ok: false,
        problem: `The change log skips from change ${previous.seq} to change ${record.seq}: changes are missing.`
      }
    }
    records.push(record)
    start = end + 1
    goodBytes = start
  }
  return { ok: true, records, goodBytes, tornBytes: 0 }
}

/**
 * The records a snapshot that holds every change up to `snapshotSeq` still needs, in order. Records at or
 * below it are already in the snapshot (a crash between writing a snapshot and starting a fresh log leaves
 * them); the first one above it must be the very next, or changes are missing.
 */
export function recordsAfter(records: readonly LogRecord[], snapshotSeq: number): LogRecord[] | string {
  const pending = records.filter((record) => record.seq > snapshotSeq)
  const first = pending[0]
  if (first && first.seq !== snapshotSeq + 1) {
    return `The change log starts at change ${first.seq}, but the journal file holds changes up to ${snapshotSeq} only: changes are missing.`
  }
  return pending
}
