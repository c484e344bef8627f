/**
 * The change log's format: one line per change, `<seq> <checksum> <json>\n`, where the checksum is the first
 * 16 hex digits of the SHA-256 of `<seq> <json>`. JSON escapes every newline, so a newline only ever ends a
 * record. Reading sorts what it finds into good records, a torn last record (a crash mid-append: dropped),
 * or damage (a bad record before the last one, or a gap in the sequence: never repaired, never overwritten).
 */
import { createHash } from 'node:crypto'
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

/** The bytes of one record, ready to append. */
export function encodeRecord(record: LogRecord): Buffer {
  const json = JSON.stringify(record.ops)
  return Buffer.from(`${record.seq} ${checksum(record.seq, json)} ${json}\n`)
}

/** One line without its newline, or null when it is not a whole, intact record. */
function decodeLine(line: string): LogRecord | null {
  const match = LINE.exec(line)
  if (!match) return null
  const seq = Number(match[1])
  if (checksum(seq, match[3]!) !== match[2]) return null
  try {
    const ops: unknown = JSON.parse(match[3]!)
    return Array.isArray(ops) ? { seq, ops: ops as ChangeOp[] } : null
  } catch {
    return null
  }
}

/**
 * Reads a whole log. Only the last record may be bad — a crash can cut the one append in flight, and only
 * that one, since each append is fsynced before the next starts. Anything else is damage.
 */
export function readLog(bytes: Uint8Array): LogReading {
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
    const record = line && 'text' in line ? decodeLine(line.text) : null
    if (!record) {
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
