/**
 * Reads contact CSV files (Google, Outlook, LinkedIn, Excel) into candidates. RFC 4180 quoting; the
 * separator (comma, semicolon or tab) is taken from the header line. All or nothing, like vCard import.
 */
import { MAPPED_FIELDS } from '../../shared/choices.ts'
import { checkCandidate, cleanTags, joinName } from './contact-candidate.ts'
import type { ContactCandidate } from './contact-candidate.ts'
import { decodeImportText } from './import-text.ts'
import { ImportProblem } from './import-problem.ts'

export interface ParsedCsv {
  headers: string[]
  rows: string[][]
  /** The 1-based line where each row starts (a quoted value may span several lines). */
  lines: number[]
  /** The line of the header, which is not line 1 after LinkedIn's "Notes:" preamble. */
  headerLine: number
}

// The fields a column can map to are part of the API (the renderer shows the mapping step).
import type { ColumnMapping, MappedField } from '../../shared/transfer.ts'

export { MAPPED_FIELDS }
export type { ColumnMapping, MappedField }

const SEPARATORS = [',', ';', '\t'] as const

interface CsvRecord {
  fields: string[]
  line: number
  /** An empty line, which is no row at all. */
  blank: boolean
}

export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const text = decodeImportText(bytes)
  const start = skipLinkedInPreamble(text)
  const separator = detectSeparator(text, start.offset)
  const records = [...readRecords(text, separator, start.offset, start.line)].filter((record) => !record.blank)
  const [header, ...rows] = records
  if (!header) throw new ImportProblem(start.line, 'there is nothing in this file, not even a header line.')
  return {
    headers: header.fields.map((field) => field.trim()),
    rows: rows.map((row) => row.fields),
    lines: rows.map((row) => row.line),
    headerLine: header.line
  }
}

/** LinkedIn's Connections.csv opens with "Notes:", a quoted paragraph and a blank line before its header. */
function skipLinkedInPreamble(text: string): { offset: number; line: number } {
  if (!/^Notes:\r?\n/.test(text)) return { offset: 0, line: 1 }
  for (const record of readRecords(text, ',', 0, 1)) {
    if (record.fields.length > 1) return { offset: offsetOfLine(text, record.line), line: record.line }
  }
  return { offset: 0, line: 1 }
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const next = text.slice(offset).search(/\r\n|\n|\r/)
    if (next === -1) return text.length
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1)
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
  // Reads one line break at i, if there is one; a CRLF counts once.
  const lineBreak = (): number => (text.startsWith('\r\n', i) ? 2 : text[i] === '\n' || text[i] === '\r' ? 1 : 0)
  while (i < text.length) {
    const record: CsvRecord = { fields: [], line, blank: false }
    let quotedAny = false
    for (;;) {
      let field = ''
      if (text[i] === '"') {
        quotedAny = true
        const opened = line
        i++
        for (;;) {
          if (i >= text.length)
            throw new ImportProblem(opened, 'a quoted value starts on this line but its closing quote (") is missing.')
          const size = lineBreak()
          if (size) {
            field += '\n'
            line++
            i += size
          } else if (text[i] === '"' && text[i + 1] === '"') {
            field += '"'
            i += 2
          } else if (text[i] === '"') {
            i++
            break
          } else {
            field += text.charAt(i++)
          }
        }
      }
      // Unquoted text, or stray text after a closing quote, which Excel keeps as it is.
      while (i < text.length && text[i] !== separator && !lineBreak()) field += text.charAt(i++)
      record.fields.push(field)
      if (text[i] === separator) {
        i++
        continue
      }
      const size = lineBreak()
      if (size) {
        i += size
        line++
      }
      break
    }
    record.blank = !quotedAny && record.fields.length === 1 && record.fields[0] === ''
    yield record
  }
}

const normalize = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** Header names each field goes by, best first (Google, Outlook, LinkedIn and hand-made sheets). */
const HEADER_NAMES: Record<MappedField, string[]> = {
  name: ['name', 'full name', 'display name', 'contact name', 'file as'],
  firstName: ['first name', 'given name', 'firstname', 'forename'],
  lastName: ['last name', 'family name', 'surname', 'lastname'],
  company: [
    'company',
    'organization 1 name',
    'organization name',
    'organisation name',
    'organization',
    'organisation',
    'company name',
    'employer'
  ],
  // Outlook's own "Title" column is Mr/Ms/Dr, so a plain "title" is the last resort.
  role: ['job title', 'position', 'organization 1 title', 'organization title', 'role', 'title'],
  email: [
    'e mail 1 value',
    'email 1 value',
    'e mail address',
    'email address',
    'email',
    'e mail',
    'primary email',
    'work email',
    'email 1'
  ],
  phone: [
    'phone 1 value',
    'phone',
    'phone number',
    'business phone',
    'mobile phone',
    'mobile',
    'primary phone',
    'work phone',
    'telephone',
    'home phone'
  ],
  location: ['location', 'address 1 city', 'business city', 'city', 'home city'],
  note: ['notes', 'note', 'comments'],
  tags: ['labels', 'group membership', 'categories', 'tags', 'groups']
}

/** Fields that exports spread over parallel columns (Outlook's business and mobile phone, several cities). */
const PARALLEL: ReadonlySet<MappedField> = new Set(['phone', 'location'])

/**
 * A first guess at the columns, for the person to confirm or change before importing. Given the rows,
 * a field with several matching columns takes the one filled in most often (ties go to the usual name).
 */
export function guessMapping(headers: readonly string[], rows: readonly string[][] = []): ColumnMapping {
  const normalized = headers.map(normalize)
  const mapping: ColumnMapping = {}
  const used = new Set<number>()
  const filled = (column: number) => rows.filter((row) => (row[column] ?? '').trim() !== '').length
  for (const field of MAPPED_FIELDS) {
    const matches = HEADER_NAMES[field].flatMap((name) =>
      normalized.flatMap((header, i) => (header === name && !used.has(i) ? [i] : []))
    )
    const chosen =
      PARALLEL.has(field) && rows.length > 0
        ? matches.reduce<number | undefined>(
            (best, i) => (best === undefined || filled(i) > filled(best) ? i : best),
            undefined
          )
        : matches[0]
    if (chosen === undefined) continue
    mapping[field] = chosen
    used.add(chosen)
  }
  return mapping
}

/** Google's labels are " ::: "-separated, Outlook's categories ";"-separated, hand-made ones often ",". */
const TAG_SEPARATOR = /\s*:::\s*|[;,]/

/** The rows as candidates, skipping empty rows and refusing (with its line) the first row the journal would refuse. */
export function csvCandidates(parsed: ParsedCsv, mapping: ColumnMapping): ContactCandidate[] {
  if (mapping.name === undefined && mapping.firstName === undefined && mapping.lastName === undefined) {
    throw new ImportProblem(
      parsed.headerLine,
      'no column is chosen for the name (a Name column, or First Name and Last Name).'
    )
  }
  const candidates: ContactCandidate[] = []
  parsed.rows.forEach((row, index) => {
    if (row.every((cell) => cell.trim() === '')) return
    const line = parsed.lines[index] ?? parsed.headerLine + index + 1
    const cell = (field: MappedField): string => {
      const column = mapping[field]
      return column === undefined ? '' : (row[column] ?? '').trim()
    }
    const oneLine = (field: MappedField) => cell(field).replace(/\s*\n\s*/g, ' ')
    const name = oneLine('name') || joinName(oneLine('firstName'), oneLine('lastName'))
    if (!name) throw new ImportProblem(line, 'this row has no name.')
    candidates.push(
      checkCandidate({
        line,
        name,
        company: oneLine('company'),
        role: oneLine('role'),
        email: oneLine('email'),
        phone: oneLine('phone'),
        location: oneLine('location'),
        note: cell('note'),
        tags: cleanTags(cell('tags').split(TAG_SEPARATOR))
      })
    )
  })
  return candidates
}
