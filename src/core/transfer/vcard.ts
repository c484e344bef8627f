/**
 * Reads vCard files (2.1, 3.0, 4.0) as Google Contacts, Apple Contacts and Outlook write them. All or
 * nothing: the first problem throws ImportProblem naming its line, so a broken file imports no one.
 */
import { checkCandidate, cleanTags, joinName } from './contact-candidate.ts'
import type { CandidateText, ContactCandidate } from './contact-candidate.ts'
import { decodeImportText } from './import-text.ts'
import { ImportProblem } from './import-problem.ts'

interface Property {
  line: number
  /** Upper-case, without the Apple-style group ("item1.EMAIL" → "EMAIL"). */
  name: string
  /** Upper-case parameter names; bare 2.1 parameters ("TEL;WORK;PREF:") are filed under TYPE. */
  params: Map<string, string[]>
  /** The raw value: still escaped, already decoded from quoted-printable. */
  value: string
}

interface LogicalLine {
  line: number
  text: string
}

export function parseVCards(bytes: Uint8Array): ContactCandidate[] {
  const text = decodeImportText(bytes)
  const candidates: ContactCandidate[] = []
  let card: { line: number; properties: Property[] } | null = null
  for (const logical of unfold(text.split(/\r\n|\n|\r/))) {
    const property = parseProperty(logical)
    const isCardMarker = property.value.trim().toUpperCase() === 'VCARD'
    if (property.name === 'BEGIN' && isCardMarker) {
      if (card)
        throw new ImportProblem(
          card.line,
          `this card never ends: END:VCARD is missing before the next card starts on line ${logical.line}.`
        )
      card = { line: logical.line, properties: [] }
    } else if (property.name === 'END' && isCardMarker) {
      if (!card) throw new ImportProblem(logical.line, 'END:VCARD without a BEGIN:VCARD before it.')
      candidates.push(toCandidate(card.line, card.properties))
      card = null
    } else if (card) {
      card.properties.push(property)
    } else {
      throw new ImportProblem(logical.line, 'this line is outside any card (cards go from BEGIN:VCARD to END:VCARD).')
    }
  }
  if (card) throw new ImportProblem(card.line, 'this card never ends: the file stops before its END:VCARD.')
  if (candidates.length === 0) throw new ImportProblem(1, 'there are no cards in this file (no BEGIN:VCARD).')
  return candidates
}

/**
 * Joins physical lines into properties: folded lines (starting with a space or tab), quoted-printable
 * soft line breaks (a trailing "="), and the unindented base64 lines vCard 2.1 photos use.
 */
function* unfold(lines: string[]): Generator<LogicalLine> {
  let current: LogicalLine | null = null
  for (const [index, line] of lines.entries()) {
    if (current) {
      const head = headOf(current.text)
      if (/QUOTED-PRINTABLE/i.test(head) && current.text.endsWith('=')) {
        current.text = current.text.slice(0, -1) + line
        continue
      }
      if (/^[ \t]/.test(line)) {
        current.text += line.slice(1)
        continue
      }
      if (/ENCODING=(BASE64|B)\b/i.test(head) && line.trim() !== '' && !line.includes(':')) {
        current.text += line.trim()
        continue
      }
      yield current
    }
    current = line.trim() === '' ? null : { line: index + 1, text: line }
  }
  if (current) yield current
}

/** The name and parameters of a property line: everything before its first ':' outside quotes. */
function headOf(text: string): string {
  const colon = valueStart(text)
  return colon === -1 ? text : text.slice(0, colon)
}

function valueStart(text: string): number {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted
    else if (text[i] === ':' && !quoted) return i
  }
  return -1
}

function parseProperty({ line, text }: LogicalLine): Property {
  const colon = valueStart(text)
  if (colon === -1)
    throw new ImportProblem(line, `this line is not a vCard property: it has no “:” (“${preview(text)}”).`)
  const [rawName = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';')
  const name = rawName
    .trim()
    .toUpperCase()
    .replace(/^[^.]*\./, '')
  const params = new Map<string, string[]>()
  for (const param of rawParams) {
    const equals = param.indexOf('=')
    const key = equals === -1 ? bareParamKey(param) : param.slice(0, equals).trim().toUpperCase()
    const values = (equals === -1 ? param : param.slice(equals + 1))
      .split(',')
      .map((value) => value.trim().replace(/^"(.*)"$/, '$1'))
    params.set(key, [...(params.get(key) ?? []), ...values])
  }
  let value = text.slice(colon + 1)
  if (params.get('ENCODING')?.some((encoding) => encoding.toUpperCase() === 'QUOTED-PRINTABLE')) {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8', line)
  }
  return { line, name, params, value }
}

/** vCard 2.1 lets parameters go without a name: "QUOTED-PRINTABLE" is an encoding, "WORK" a type. */
function bareParamKey(param: string): string {
  const upper = param.trim().toUpperCase()
  if (upper === 'QUOTED-PRINTABLE' || upper === 'BASE64' || upper === '8BIT') return 'ENCODING'
  return 'TYPE'
}

function splitOutsideQuotes(text: string, separator: string): string[] {
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

const encoder = new TextEncoder()

/** "=C3=A9" → "é" in the given charset; Outlook still writes 2.1-style lines this way. */
function decodeQuotedPrintable(value: string, charset: string, line: number): string {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3)
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...encoder.encode(value[i]))
    }
  }
  const decoder = decoderFor(charset, line)
  try {
    return decoder.decode(new Uint8Array(bytes))
  } catch {
    throw new ImportProblem(
      line,
      `this line is not valid ${charset} text once its quoted-printable encoding is undone.`
    )
  }
}

function decoderFor(charset: string, line: number) {
  try {
    return new TextDecoder(charset, { fatal: true })
  } catch {
    throw new ImportProblem(line, `this line uses a character set Rapport does not know (“${charset}”).`)
  }
}

/** Splits a structured value (N, ADR, ORG on ";", CATEGORIES on ",") where the separator is not escaped. */
function splitEscaped(value: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!
    if (char === '\\' && i + 1 < value.length) {
      current += char + value.charAt(i + 1)
      i++
    } else if (char === separator) {
      parts.push(current)
      current = ''
    } else {
      current += char
    }
  }
  parts.push(current)
  return parts
}

function unescapeValue(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\\([\\,;:nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char))
}

/** One line of text: folded or escaped line breaks in a name or title become spaces. */
function singleLine(value: string): string {
  return unescapeValue(value)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
}

/** The property a person marked preferred (TYPE=pref, PREF=1, or 2.1's bare PREF), else the first. */
function preferred(properties: Property[], name: string): Property | undefined {
  const rank = (property: Property): number => {
    const pref = Number(property.params.get('PREF')?.[0])
    if (Number.isFinite(pref) && pref > 0) return pref
    return property.params.get('TYPE')?.some((type) => type.toLowerCase() === 'pref') ? 1 : Infinity
  }
  let best: Property | undefined
  for (const property of properties) {
    if (property.name !== name || property.value.trim() === '') continue
    if (!best || rank(property) < rank(best)) best = property
  }
  return best
}

/** The dates a card may carry, with the label they get in the journal. */
const DATE_LABELS: Partial<Record<string, string>> = {
  BDAY: 'Birthday',
  ANNIVERSARY: 'Anniversary',
  'X-ANNIVERSARY': 'Anniversary'
}

/** BDAY and ANNIVERSARY as written, read into important dates where the contact becomes a person. */
function datesOf(properties: Property[]): Pick<ContactCandidate, 'dates'> {
  const dates = properties.flatMap((p) => {
    const label = DATE_LABELS[p.name]
    const omitYear = p.params.get('X-APPLE-OMIT-YEAR')?.[0]
    return label ? [{ label, value: singleLine(p.value), line: p.line, ...(omitYear ? { omitYear } : {}) }] : []
  })
  return dates.length > 0 ? { dates } : {}
}

function toCandidate(line: number, properties: Property[]): ContactCandidate {
  const lines: Partial<Record<CandidateText | 'tags', number>> = {}
  const take = (field: CandidateText, property: Property | undefined, read: (value: string) => string): string => {
    if (!property) return ''
    const value = read(property.value)
    if (value) lines[field] = property.line
    return value
  }
  const component = (index: number) => (value: string) => singleLine(splitEscaped(value, ';')[index] ?? '')

  let name = take('name', preferred(properties, 'FN'), singleLine)
  if (!name) name = take('name', preferred(properties, 'N'), nameFromN)
  if (!name) throw new ImportProblem(line, 'this card has no name (FN or N).')

  const notes = properties.filter((p) => p.name === 'NOTE' && unescapeValue(p.value).trim() !== '')
  const categories = properties.filter((p) => p.name === 'CATEGORIES')
  if (notes[0]) lines.note = notes[0].line
  if (categories[0]) lines.tags = categories[0].line

  return checkCandidate(
    {
      line,
      name,
      company: take('company', preferred(properties, 'ORG'), component(0)),
      role: take('role', preferred(properties, 'TITLE') ?? preferred(properties, 'ROLE'), singleLine),
      email: take('email', preferred(properties, 'EMAIL'), (value) => singleLine(value).replace(/^mailto:/i, '')),
      phone: take('phone', preferred(properties, 'TEL'), (value) => singleLine(value).replace(/^tel:/i, '')),
      location: take('location', preferred(properties, 'ADR'), locationFromAdr),
      note: notes.map((p) => unescapeValue(p.value).trim()).join('\n\n'),
      tags: cleanTags(categories.flatMap((p) => splitEscaped(p.value, ',').map(unescapeValue))),
      ...datesOf(properties)
    },
    lines
  )
}

/** N is family;given;additional;prefix;suffix (each may list several, comma-separated). */
function nameFromN(value: string): string {
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = splitEscaped(value, ';').map((part) =>
    splitEscaped(part, ',').map(singleLine).filter(Boolean).join(' ')
  )
  return joinName(given, family, { prefix, middle, suffix })
}

/** ADR is pobox;extended;street;locality;region;postal code;country: "City, Country" is what a seller needs. */
function locationFromAdr(value: string): string {
  const parts = splitEscaped(value, ';').map(singleLine)
  const place = parts[3] || parts[4] || ''
  return [place, parts[6] ?? ''].filter(Boolean).join(', ')
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
