/**
 * The bytes of a contact file, before any parsing: which encoding it is in (a byte-order mark, UTF-16 by its
 * pattern of zero bytes, else UTF-8), and where its lines are. Every decoding goes through TextDecoder.
 */
import { ImportProblem } from './import-problem.ts'

export interface SourceBytes {
  /** UTF-8 (or, when the file is in an older charset, that charset's) bytes, without a byte-order mark. */
  bytes: Uint8Array
  /** UTF-16 files are decoded whole and given back as UTF-8, so a CHARSET inside them means nothing. */
  wasUtf16: boolean
}

const utf8 = new TextEncoder()

/** Strips a byte-order mark and turns UTF-16 (with or without one) into UTF-8; refuses an empty file. */
export function sourceBytes(bytes: Uint8Array): SourceBytes {
  if (bytes.length === 0) throw new ImportProblem(1, 'the file is empty.')
  const utf16 = utf16Kind(bytes)
  if (utf16) {
    const text = new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes)
    return { bytes: utf8.encode(text), wasUtf16: true }
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  return { bytes: bom ? bytes.subarray(3) : bytes, wasUtf16: false }
}

/**
 * UTF-16 by its byte-order mark, or by its zero bytes: text that is mostly Latin letters has a zero in every
 * other byte, all on the same side (Excel's "Unicode text" and some phone exports leave the mark out).
 */
function utf16Kind(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const sample = Math.min(bytes.length - (bytes.length % 2), 1024)
  if (sample < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = sample / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}

/** Where a line's bytes start and end (its line break excluded), and its 1-based number. */
export interface PhysicalLine {
  line: number
  start: number
  end: number
}

/**
 * The lines of the file. A line ends at LF, CR LF, a lone CR (old Macs) or CR CR LF (which iOS writes): that
 * last one counts as one break, or a folded photo would be cut by an empty line that is not there.
 */
export function physicalLines(bytes: Uint8Array): PhysicalLine[] {
  const lines: PhysicalLine[] = []
  let start = 0
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]
    if (byte !== 0x0a && byte !== 0x0d) {
      i++
      continue
    }
    lines.push({ line: lines.length + 1, start, end: i })
    if (byte === 0x0d && bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) i += 3
    else if (byte === 0x0d && bytes[i + 1] === 0x0a) i += 2
    else i += 1
    start = i
  }
  if (start < bytes.length) lines.push({ line: lines.length + 1, start, end: bytes.length })
  return lines
}

const LEGACY = 'windows-1252'
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true })
const legacy = new TextDecoder(LEGACY)
const lossyUtf8 = new TextDecoder('utf-8')

/** Text that did not say its charset: UTF-8 when it is valid UTF-8, else Windows-1252 (what Outlook and Excel write). */
export function decodeUndeclared(bytes: Uint8Array): { text: string; legacy: boolean } {
  try {
    return { text: fatalUtf8.decode(bytes), legacy: false }
  } catch {
    return { text: legacy.decode(bytes), legacy: true }
  }
}

/** For showing a skipped record as it is in the file: never fails, whatever the bytes. */
export function rawText(bytes: Uint8Array): string {
  return lossyUtf8.decode(bytes)
}

/** The notice shown above a preview when some text was not UTF-8. */
export function legacyNotice(line: number): string {
  return `Some text in this file is not UTF-8 (the first on line ${line}) and does not say which character set it is in. It was read as Windows-1252, as Outlook and Excel write it: check the accents before importing.`
}

/** A decoder for a CHARSET a vCard declares, or null when TextDecoder does not know it. */
export function decoderFor(charset: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(charset.trim(), { fatal: true })
  } catch {
    return null
  }
}

const RAW_LIMIT = 2000

/** A skipped record's text, shortened when it is very long (a photo, say). */
export function clipRaw(text: string): string {
  const trimmed = text.replace(/\s+$/, '')
  return trimmed.length > RAW_LIMIT ? `${trimmed.slice(0, RAW_LIMIT)}…` : trimmed
}
