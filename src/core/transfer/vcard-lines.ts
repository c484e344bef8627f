/**
 * The lines of a vCard file as properties. Lines are unfolded on the bytes, before any decoding (RFC 6350
 * §3.2), so a fold inside a multi-byte letter is joined back first; then each value is decoded in the
 * character set its property declares (vCard 2.1's CHARSET), undoing quoted-printable where it says so.
 */
import { decodeUndeclared, decoderFor } from './contact-bytes.ts'
import type { PhysicalLine } from './contact-bytes.ts'

export interface LogicalLine {
  /** The physical lines it spans, first and last. */
  line: number
  lastLine: number
  bytes: Uint8Array
}

export interface Property {
  line: number
  /** Upper-case, without the Apple-style group ("item1.EMAIL" → "EMAIL"). */
  name: string
  /** Upper-case parameter names; bare 2.1 parameters ("TEL;WORK;PREF:") are filed under TYPE. */
  params: Map<string, string[]>
  /** The value decoded to text, still escaped (\n, \,), quoted-printable undone. */
  value: string
  /** Set when the value was not UTF-8 and said no charset: it was read as Windows-1252. */
  legacy: boolean
  warnings: string[]
}

const SPACE = 0x20
const TAB = 0x09
const COLON = 0x3a
const QUOTE = 0x22
const EQUALS = 0x3d
const HASH = 0x23

const ascii = new TextDecoder('latin1')
const isBlank = (bytes: Uint8Array) => bytes.every((b) => b === SPACE || b === TAB)

/**
 * Joins physical lines into logical ones: folds (a line starting with a space or tab), quoted-printable soft
 * breaks (a trailing "=", even when the next line is also folded), the unindented base64 lines of 2.1
 * photos, and a line with no ":" that is not a property name (a value someone broke without folding).
 * `#` comment lines and empty lines are dropped.
 */
export function* logicalLines(bytes: Uint8Array, lines: readonly PhysicalLine[]): Generator<LogicalLine> {
  let current: { line: number; lastLine: number; parts: Uint8Array[]; head: string } | null = null
  const finish = (): LogicalLine | null => {
    if (!current) return null
    const done = { line: current.line, lastLine: current.lastLine, bytes: concat(current.parts) }
    current = null
    return done
  }
  for (const { line, start, end } of lines) {
    const text = bytes.subarray(start, end)
    if (current) {
      const last = current.parts.at(-1)!
      if (/QUOTED-PRINTABLE/i.test(current.head) && last.at(-1) === EQUALS) {
        current.parts[current.parts.length - 1] = last.subarray(0, -1)
        current.parts.push(text[0] === SPACE || text[0] === TAB ? text.subarray(1) : text)
        current.lastLine = line
        continue
      }
      if (text[0] === SPACE || text[0] === TAB) {
        current.parts.push(text.subarray(1))
        current.lastLine = line
        continue
      }
      const marker = ['BEGIN', 'END'].includes(nameOf(current.head))
      if (!marker && !isBlank(text) && text[0] !== HASH && colonAt(text) === -1 && !isBareName(text)) {
        const base64 = /ENCODING=(BASE64|B)\b/i.test(current.head)
        current.parts.push(base64 ? text : concat([new Uint8Array([0x0a]), text]))
        current.lastLine = line
        continue
      }
      const done = finish()
      if (done) yield done
    }
    if (isBlank(text) || text[0] === HASH) continue
    const colon = colonAt(text)
    current = { line, lastLine: line, parts: [text], head: ascii.decode(colon === -1 ? text : text.subarray(0, colon)) }
  }
  const done = finish()
  if (done) yield done
}

/** Index of the first ":" outside double quotes (a 4.0 parameter may hold one), or -1. */
function colonAt(bytes: Uint8Array): number {
  let quoted = false
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === QUOTE) quoted = !quoted
    else if (bytes[i] === COLON && !quoted) return i
  }
  return -1
}

// The properties of vCard 2.1, 3.0 and 4.0: only these count as a property written without its ":".
const KNOWN = new Set(
  (
    'ADR AGENT ANNIVERSARY BDAY BEGIN CALADRURI CALURI CATEGORIES CLASS CLIENTPIDMAP EMAIL END FBURL FN GENDER GEO ' +
    'IMPP KEY KIND LABEL LANG LOGO MAILER MEMBER N NAME NICKNAME NOTE ORG PHOTO PRODID PROFILE RELATED REV ROLE ' +
    'SORT-STRING SOUND SOURCE TEL TITLE TZ UID URL VERSION XML'
  ).split(' ')
)

/** "FN" or "item1.NOTE;CHARSET=UTF-8" alone on a line: a property with an empty value, written without its ":". */
function isBareName(bytes: Uint8Array): boolean {
  const match = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z][A-Za-z0-9-]*)(?:;[^:]*)?$/.exec(ascii.decode(bytes).trim())
  const name = match?.[1]?.toUpperCase()
  return name !== undefined && (KNOWN.has(name) || name.startsWith('X-'))
}

/** The property name a line starts with, upper-case, without its group. */
const nameOf = (head: string) =>
  (head.split(';')[0] ?? '')
    .trim()
    .toUpperCase()
    .replace(/^[^.]*\./, '')

/** A logical line as a property; null when it is not one (no name before its value). */
export function parseProperty(logical: LogicalLine, ignoreCharset: boolean): Property | null {
  const { line, bytes } = logical
  let colon = colonAt(bytes)
  if (colon === -1 && !isBareName(bytes)) return null
  if (colon === -1) colon = bytes.length
  const [rawName = '', ...rawParams] = splitOutsideQuotes(new TextDecoder().decode(bytes.subarray(0, colon)), ';')
  const name = nameOf(rawName)
  if (!/^[A-Z][A-Z0-9-]*$/.test(name)) return null
  const params = new Map<string, string[]>()
  for (const param of rawParams) {
    const equals = param.indexOf('=')
    const key = equals === -1 ? bareParamKey(param) : param.slice(0, equals).trim().toUpperCase()
    const values = (equals === -1 ? param : param.slice(equals + 1))
      .split(',')
      .map((value) => value.trim().replace(/^"(.*)"$/, '$1'))
    params.set(key, [...(params.get(key) ?? []), ...values])
  }
  const property: Property = { line, name, params, value: '', legacy: false, warnings: [] }
  let value = bytes.subarray(Math.min(colon + 1, bytes.length))
  const qp = params.get('ENCODING')?.some((encoding) => encoding.toUpperCase() === 'QUOTED-PRINTABLE')
  if (qp) value = decodeQuotedPrintable(value)
  const charset = params.get('CHARSET')?.[0]
  // A UTF-16 file was decoded whole; only bytes spelled out in quoted-printable are still in their charset.
  decodeValue(property, value, ignoreCharset && !qp ? undefined : charset)
  return property
}

function decodeValue(property: Property, bytes: Uint8Array, charset: string | undefined): void {
  if (charset) {
    const decoder = decoderFor(charset)
    if (decoder) {
      try {
        property.value = decoder.decode(bytes)
        return
      } catch {
        property.warnings.push(`Line ${property.line} is not valid ${charset} text, as it says it is.`)
      }
    } else {
      property.warnings.push(`Line ${property.line} uses a character set Rapport does not know (“${charset}”).`)
    }
  }
  const undeclared = decodeUndeclared(bytes)
  property.value = undeclared.text
  property.legacy = undeclared.legacy
  if (undeclared.legacy) property.warnings.push(`Line ${property.line} is not UTF-8 text: it was read as Windows-1252.`)
}

/** vCard 2.1 lets parameters go without a name: "QUOTED-PRINTABLE" is an encoding, "WORK" a type. */
function bareParamKey(param: string): string {
  const upper = param.trim().toUpperCase()
  if (upper === 'QUOTED-PRINTABLE' || upper === 'BASE64' || upper === '8BIT') return 'ENCODING'
  if (upper.startsWith('CHARSET')) return 'CHARSET'
  return 'TYPE'
}

export function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  parts.push(text.slice(start))
  return parts
}

const isHex = (byte: number | undefined) =>
  byte !== undefined &&
  ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66))

/** "=C3=A9" → the bytes C3 A9; an "=" not followed by two hex digits stays as it is. */
function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length)
  let size = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === EQUALS && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out[size++] = Number.parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16)
      i += 2
    } else {
      out[size++] = bytes[i]!
    }
  }
  return out.subarray(0, size)
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
