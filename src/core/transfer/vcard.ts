/**
 * Reads vCard files (2.1, 3.0, 4.0) as Google Contacts, Apple Contacts, Outlook, Android and the rest write
 * them, card by card: every card that can be read is a candidate, every one that cannot is listed as skipped
 * with its line, the reason and its text. Only a file without a single readable card is refused.
 */
import { clipRaw, legacyNotice, physicalLines, rawText, sourceBytes } from './contact-bytes.ts'
import type { PhysicalLine } from './contact-bytes.ts'
import { cleanTags, joinName, toCandidate } from './contact-candidate.ts'
import type { CandidateDate, ContactCandidate, ContactRead } from './contact-candidate.ts'
import type { SkippedRecord } from '../../shared/transfer.ts'
import { refuseUnreadable } from './import-problem.ts'
import { logicalLines, parseProperty } from './vcard-lines.ts'
import type { LogicalLine, Property } from './vcard-lines.ts'

interface Card {
  line: number
  lastLine: number
  properties: Property[]
  warnings: string[]
}

export function parseVCards(input: Uint8Array): ContactRead {
  const { bytes, wasUtf16 } = sourceBytes(input)
  const lines = physicalLines(bytes)
  const raw = (first: number, last: number) =>
    clipRaw(rawText(bytes.subarray(at(lines, first).start, at(lines, last).end)))
  const read: Array<ContactCandidate | SkippedRecord> = []
  let legacyLine = 0
  const open: Card[] = []
  let stray: LogicalLine[] = []
  const flushStray = () => {
    if (stray.length === 0) return
    read.push({
      line: stray[0]!.line,
      reason: 'these lines are outside any card (a card goes from BEGIN:VCARD to END:VCARD).',
      raw: raw(stray[0]!.line, stray.at(-1)!.lastLine)
    })
    stray = []
  }
  const close = (card: Card) => {
    const result = cardCandidate(card)
    read.push(
      'problem' in result ? { line: card.line, reason: result.problem, raw: raw(card.line, card.lastLine) } : result
    )
  }

  for (const logical of logicalLines(bytes, lines)) {
    const property = parseProperty(logical, wasUtf16)
    const top = open.at(-1)
    if (property?.legacy && !legacyLine) legacyLine = property.line
    // vCard 2.1 nests a card in AGENT:BEGIN:VCARD; each nested card is a contact of its own.
    const begins = property && isMarker(property, 'BEGIN')
    if (begins || (property?.name === 'AGENT' && /^BEGIN:VCARD$/i.test(property.value.trim()))) {
      flushStray()
      open.push({ line: logical.line, lastLine: logical.lastLine, properties: [], warnings: [] })
    } else if (property && isMarker(property, 'END')) {
      const card = open.pop()
      if (card) {
        card.lastLine = logical.lastLine
        close(card)
      } else stray.push(logical)
    } else if (top) {
      top.lastLine = logical.lastLine
      if (property) top.properties.push(property)
      else top.warnings.push(`Line ${logical.line} is not a vCard property (no name before a “:”) and was left out.`)
    } else {
      stray.push(logical)
    }
  }
  flushStray()
  // A card the file never ends is read up to the end of the file.
  for (const card of open.reverse()) {
    card.warnings.push(`The card starting on line ${card.line} has no END:VCARD: it was read to the end of the file.`)
    close(card)
  }
  read.sort((a, b) => a.line - b.line)
  const candidates = read.filter((item): item is ContactCandidate => 'name' in item)
  const skipped = read.filter((item): item is SkippedRecord => 'reason' in item)
  if (candidates.length === 0) refuseUnreadable(skipped, 'there are no cards in this file (no BEGIN:VCARD).')
  return { candidates, skipped, notices: legacyLine ? [legacyNotice(legacyLine)] : [] }
}

const at = (lines: readonly PhysicalLine[], line: number) => lines[line - 1]!

const isMarker = (property: Property, name: string) =>
  property.name === name && property.value.trim().toUpperCase() === 'VCARD'

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

/** How much a person preferred a property (TYPE=pref, PREF=1, or 2.1's bare PREF): lower is more. */
function rank(property: Property): number {
  const pref = Number(property.params.get('PREF')?.[0])
  if (Number.isFinite(pref) && pref > 0) return pref
  return property.params.get('TYPE')?.some((type) => type.toLowerCase() === 'pref') ? 1 : Infinity
}

/** Every non-empty property of a name, the preferred first, the rest in file order. */
function all(properties: readonly Property[], name: string): Property[] {
  const found = properties.filter((property) => property.name === name && property.value.trim() !== '')
  return found
    .map((property, i) => ({ property, i }))
    .sort((a, b) => rank(a.property) - rank(b.property) || a.i - b.i)
    .map(({ property }) => property)
}

function cardCandidate(card: Card): ContactCandidate | { problem: string } {
  const { properties } = card
  const first = (name: string, read: (value: string) => string) => {
    for (const property of all(properties, name)) {
      const value = read(property.value)
      if (value) return value
    }
    return ''
  }
  const component = (index: number) => (value: string) => singleLine(splitEscaped(value, ';')[index] ?? '')
  return toCandidate(
    {
      line: card.line,
      name: first('FN', singleLine) || first('N', nameFromN),
      company: first('ORG', component(0)),
      role: first('TITLE', singleLine) || first('ROLE', singleLine),
      emails: all(properties, 'EMAIL').map((p) => singleLine(p.value)),
      phones: all(properties, 'TEL').map((p) => singleLine(p.value).replace(/^tel:/i, '')),
      location: first('ADR', locationFromAdr),
      note: properties
        .filter((p) => p.name === 'NOTE')
        .map((p) => unescapeValue(p.value).trim())
        .filter(Boolean)
        .join('\n\n'),
      tags: cleanTags(
        properties.filter((p) => p.name === 'CATEGORIES').flatMap((p) => splitEscaped(p.value, ',').map(unescapeValue))
      ),
      warnings: [...properties.flatMap((p) => p.warnings), ...card.warnings],
      dates: datesOf(properties)
    },
    'card'
  )
}

/** The dates a card may carry, with the label they get in the journal. */
const DATE_LABELS: Partial<Record<string, string>> = {
  BDAY: 'Birthday',
  ANNIVERSARY: 'Anniversary',
  'X-ANNIVERSARY': 'Anniversary'
}

/** BDAY and ANNIVERSARY as written, read into important dates where the contact becomes a person. */
function datesOf(properties: readonly Property[]): CandidateDate[] {
  return properties.flatMap((p) => {
    const label = DATE_LABELS[p.name]
    const omitYear = p.params.get('X-APPLE-OMIT-YEAR')?.[0]
    return label && p.value.trim()
      ? [{ label, value: singleLine(p.value), line: p.line, ...(omitYear ? { omitYear } : {}) }]
      : []
  })
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
