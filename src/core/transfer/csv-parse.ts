/**
 * CSV as contact apps and spreadsheets write it: RFC 4180 quoting (separators and line breaks inside quotes,
 * doubled quotes), a comma, semicolon or tab taken from the header line, any line ending, a byte-order mark,
 * UTF-16, and LinkedIn's "Notes:" preamble before the header. A quote that never closes costs its own row
 * only: the rows after it are read again from the next line.
 */
import { clipRaw, decodeUndeclared, legacyNotice, physicalLines, sourceBytes } from './contact-bytes.ts'
import type { SkippedRecord } from '../../shared/transfer.ts'
import { ImportProblem } from './import-problem.ts'

export interface CsvRow {
  fields: string[]
  /** The 1-based line where the row starts (a quoted value may span several lines). */
  line: number
  /** The row as it is in the file. */
  raw: string
}

export interface ParsedCsv {
  headers: string[]
  rows: CsvRow[]
  /** The line of the header, which is not line 1 after LinkedIn's preamble. */
  headerLine: number
  /** Rows that could not be read at all (a quote never closed). */
  broken: SkippedRecord[]
  notices: string[]
}

const SEPARATORS = [',', ';', '\t'] as const
const BREAK = /\r\r\n|\r\n|\n|\r/
const BREAK_ALL = /\r\r\n|\r\n|\n|\r/g

interface CsvRecord extends CsvRow {
  /** An empty line, which is no row at all. */
  blank: boolean
  /** Set when a quote opened in this row never closes. */
  unclosed?: boolean
}

export function parseCsv(input: Uint8Array): ParsedCsv {
  const { bytes } = sourceBytes(input)
  const { text, legacy } = decodeUndeclared(bytes)
  const notices = legacy ? [legacyNotice(firstLegacyLine(bytes))] : []
  const start = skipPreamble(text)
  const separator = detectSeparator(text, start.offset)
  const records = [...readRecords(text, separator, start.offset, start.line)].filter((record) => !record.blank)
  const broken = records
    .filter((record) => record.unclosed)
    .map((record) => ({
      line: record.line,
      reason: 'a quoted value starts on this line but its closing quote (") is missing.',
      raw: record.raw
    }))
  const [header, ...rows] = records.filter((record) => !record.unclosed)
  if (!header) {
    if (broken[0]) throw new ImportProblem(broken[0].line, broken[0].reason)
    throw new ImportProblem(start.line, 'there is nothing in this file, not even a header line.')
  }
  return {
    headers: header.fields.map((field) => field.trim()),
    rows: rows.map(({ fields, line, raw }) => ({ fields, line, raw })),
    headerLine: header.line,
    broken,
    notices
  }
}

function firstLegacyLine(bytes: Uint8Array): number {
  return physicalLines(bytes).find(({ start, end }) => decodeUndeclared(bytes.subarray(start, end)).legacy)?.line ?? 1
}

/** LinkedIn's Connections.csv opens with "Notes:", a quoted paragraph and a blank line before its header. */
function skipPreamble(text: string): { offset: number; line: number } {
  if (!/^Notes:\s*(\r\r\n|\r\n|\n|\r)/.test(text)) return { offset: 0, line: 1 }
  for (const record of readRecords(text, ',', 0, 1)) {
    if (record.fields.length > 1) return { offset: offsetOfLine(text, record.line), line: record.line }
  }
  return { offset: 0, line: 1 }
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const found = BREAK.exec(text.slice(offset))
    if (!found) return text.length
    offset += found.index + found[0].length
  }
  return offset
}

/** The separator used most often, outside quotes, on the header line; a comma when none is used. */
function detectSeparator(text: string, offset: number): string {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]))
  let quoted = false
  for (let i = offset; i < text.length; i++) {
    const char = text[i]!
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1)
  }
  return SEPARATORS.reduce((best, separator) => (counts.get(separator)! > counts.get(best)! ? separator : best))
}

function* readRecords(text: string, separator: string, offset: number, firstLine: number): Generator<CsvRecord> {
  let i = offset
  let line = firstLine
  // Unquoted text runs to the next separator or line end; a quoted value to its next quote.
  const plain = new RegExp(`[^${separator === '\t' ? '\\t' : separator}\\r\\n]*`, 'y')
  // The size of the line break at i, if there is one; CR LF and CR CR LF count once.
  const lineBreak = (): number =>
    text.charCodeAt(i) === 10
      ? 1
      : text.charCodeAt(i) !== 13
        ? 0
        : text.startsWith('\r\r\n', i)
          ? 3
          : text.startsWith('\r\n', i)
            ? 2
            : 1
  while (i < text.length) {
    const begin = i
    const record: CsvRecord = { fields: [], line, raw: '', blank: false }
    let quotedAny = false
    fields: for (;;) {
      let field = ''
      if (text[i] === '"') {
        quotedAny = true
        i++
        for (;;) {
          const close = text.indexOf('"', i)
          if (close === -1) {
            // Never closed: this row is its first line only; reading starts again on the next.
            const end = BREAK.exec(text.slice(begin))
            i = end ? begin + end.index + end[0].length : text.length
            record.unclosed = true
            record.raw = clipRaw(text.slice(begin, end ? begin + end.index : text.length))
            line = record.line + 1
            break fields
          }
          const part = text.slice(i, close)
          if (part.includes('\r') || part.includes('\n')) {
            const lines = part.split(BREAK_ALL)
            line += lines.length - 1
            field += lines.join('\n')
          } else field += part
          i = close + 1
          if (text[i] !== '"') break
          field += '"'
          i++
        }
      }
      // Unquoted text, or stray text after a closing quote, which Excel keeps as it is.
      plain.lastIndex = i
      const run = plain.exec(text)![0]
      field += run
      i += run.length
      record.fields.push(field)
      if (text[i] === separator) {
        i++
        continue
      }
      const end = i
      const size = lineBreak()
      if (size) {
        i += size
        line++
      }
      record.raw = clipRaw(text.slice(begin, end))
      break
    }
    record.blank = !record.unclosed && !quotedAny && record.fields.length === 1 && record.fields[0] === ''
    yield record
  }
}
