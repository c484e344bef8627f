/**
 * A first guess at what each CSV column is, from its header, for the person to confirm or change before
 * importing. Knows Google's exports (the older "Given Name / Additional Name / Family Name" one and the
 * newer "First Name / Middle Name / Last Name / File As" one), Outlook's, LinkedIn's and hand-made sheets.
 */
import type { ColumnMapping, MappedField } from '../../shared/transfer.ts'
import type { CsvRow } from './csv-parse.ts'

const normalize = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** Header names of the fields one column holds, best first. ("File As" is a sort key, never the name.) */
const SINGLE: Partial<Record<MappedField, string[]>> = {
  name: ['name', 'full name', 'display name', 'contact name'],
  prefix: ['name prefix', 'prefix', 'honorific'],
  firstName: ['first name', 'given name', 'firstname', 'forename'],
  middleName: ['middle name', 'additional name', 'middle names', 'middlename'],
  lastName: ['last name', 'family name', 'surname', 'lastname'],
  suffix: ['name suffix', 'suffix'],
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
  role: ['job title', 'position', 'organization 1 title', 'organization title', 'role', 'title'],
  location: ['location', 'address 1 city', 'business city', 'city', 'home city', 'other city'],
  note: ['notes', 'note', 'comments'],
  tags: ['labels', 'group membership', 'categories', 'tags', 'groups']
}

/**
 * Fields many columns may hold, all of them kept: Google's "E-mail 2 - Value", Outlook's "E-mail 3 Address",
 * "Mobile Phone", "Business Phone 2". Labels, types and display names are not addresses; a fax is not a phone.
 */
const MANY: Partial<Record<MappedField, RegExp>> = {
  email: /^(?:(?:primary|work|home|other|personal|business) )?e ?mail(?: address)?(?: \d+)?(?: (?:value|address))?$/,
  phone:
    /^(?:(?:primary|business|home|mobile|work|other|car|company main|assistant s|callback|radio) )?(?:phone|telephone|mobile|cell|cellphone|tel)(?: number)?(?: \d+)?(?: (?:value|number))?$/
}

/** Outlook's "Title" is Mr or Dr: a honorific when another column holds the job title. */
const HONORIFIC = 'title'

export function guessMapping(headers: readonly string[], rows: readonly CsvRow[] = []): ColumnMapping {
  const normalized = headers.map(normalize)
  const mapping: ColumnMapping = headers.map(() => null)
  const filled = (column: number) => rows.filter((row) => (row.fields[column] ?? '').trim() !== '').length
  for (const [field, pattern] of Object.entries(MANY) as Array<[MappedField, RegExp]>) {
    normalized.forEach((header, i) => {
      if (mapping[i] === null && pattern.test(header)) mapping[i] = field
    })
  }
  const hasJobTitle = normalized.some((header) => header !== HONORIFIC && SINGLE.role!.includes(header))
  for (const [field, names] of Object.entries(SINGLE) as Array<[MappedField, string[]]>) {
    const candidates = names
      .filter((name) => !(name === HONORIFIC && field === 'role' && hasJobTitle))
      .flatMap((name) => normalized.flatMap((header, i) => (header === name && mapping[i] === null ? [i] : [])))
    // Of several matching columns, the one filled in most often (Google's city over its empty "Location").
    const chosen = candidates.reduce<number | undefined>(
      (best, i) => (best === undefined || filled(i) > filled(best) ? i : best),
      undefined
    )
    if (chosen !== undefined) mapping[chosen] = field
  }
  if (hasJobTitle) {
    const honorific = normalized.indexOf(HONORIFIC)
    if (honorific !== -1 && mapping[honorific] === null) mapping[honorific] = 'prefix'
  }
  return mapping
}

/** The first non-empty value of each column, to show beside it in the mapping step. */
export function columnExamples(headers: readonly string[], rows: readonly CsvRow[]): string[] {
  return headers.map((_, column) => {
    const value = rows.find((row) => (row.fields[column] ?? '').trim() !== '')?.fields[column] ?? ''
    const line = value.trim().replace(/\s*\n\s*/g, ' ')
    return line.length > 60 ? `${line.slice(0, 60)}…` : line
  })
}
