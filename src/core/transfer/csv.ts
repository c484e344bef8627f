/**
 * Contact CSV files (Google, Outlook, LinkedIn, Apple Numbers, Excel) as candidates, row by row: every row
 * that can be read is a candidate, every one that cannot is listed with its line, the reason and its text.
 */
import { splitMulti } from './contact-address.ts'
import { cleanTags, joinName, toCandidate } from './contact-candidate.ts'
import type { ContactCandidate, ContactRead } from './contact-candidate.ts'
import type { ParsedCsv } from './csv-parse.ts'
import type { ColumnMapping, MappedField, SkippedRecord } from '../../shared/transfer.ts'
import { ImportProblem, refuseUnreadable } from './import-problem.ts'

export { parseCsv } from './csv-parse.ts'
export type { CsvRow, ParsedCsv } from './csv-parse.ts'
export { columnExamples, guessMapping } from './csv-columns.ts'

const NAME_FIELDS: readonly MappedField[] = ['name', 'firstName', 'lastName', 'middleName']
const NOT_NAMED = ['company', 'email', 'phone'] as const

/** Outlook's categories are ";"-separated, Google's labels " ::: ", hand-made ones often ",". */
const TAG_SEPARATOR = /\s*:::\s*|[;,]/

/** The rows as candidates with the columns chosen; blank rows are no record and are passed over quietly. */
export function csvCandidates(parsed: ParsedCsv, mapping: ColumnMapping): ContactRead {
  const chosen = new Set(mapping)
  if (![...NAME_FIELDS, ...NOT_NAMED].some((field) => chosen.has(field))) {
    throw new ImportProblem(
      parsed.headerLine,
      'no column is chosen for the name (a Name column, or First Name and Last Name), the company or the email.'
    )
  }
  const filled = (column: number) => parsed.rows.filter((row) => (row.fields[column] ?? '').trim() !== '').length
  // Of several email or phone columns, the one filled in most often gives the number shown first.
  const columns = (field: MappedField) => {
    const found = mapping.flatMap((f, i) => (f === field ? [i] : []))
    if (field !== 'email' && field !== 'phone') return found
    const counts = new Map(found.map((i) => [i, filled(i)]))
    return found.sort((a, b) => counts.get(b)! - counts.get(a)!)
  }
  const byField = new Map<MappedField, number[]>(
    [...chosen].filter((f): f is MappedField => f !== null).map((f) => [f, columns(f)])
  )
  const candidates: ContactCandidate[] = []
  const skipped: SkippedRecord[] = [...parsed.broken]
  for (const row of parsed.rows) {
    if (row.fields.every((cell) => cell.trim() === '')) continue
    const cells = (field: MappedField) => (byField.get(field) ?? []).map((i) => (row.fields[i] ?? '').trim())
    const one = (field: MappedField) =>
      cells(field)
        .find(Boolean)
        ?.replace(/\s*\n\s*/g, ' ') ?? ''
    const name =
      one('name') ||
      joinName(one('firstName'), one('lastName'), {
        prefix: one('prefix'),
        middle: one('middleName'),
        suffix: one('suffix')
      })
    const result = toCandidate(
      {
        line: row.line,
        name,
        company: one('company'),
        role: one('role'),
        emails: cells('email').flatMap(splitMulti),
        phones: cells('phone').flatMap(splitMulti),
        location: one('location'),
        note: cells('note').filter(Boolean).join('\n\n'),
        tags: cleanTags(cells('tags').flatMap((cell) => cell.split(TAG_SEPARATOR))),
        warnings: []
      },
      'row'
    )
    if ('problem' in result) skipped.push({ line: row.line, reason: result.problem, raw: row.raw })
    else candidates.push(result)
  }
  skipped.sort((a, b) => a.line - b.line)
  if (candidates.length === 0) refuseUnreadable(skipped, 'there are no rows under the header line.')
  return { candidates, skipped, notices: parsed.notices }
}
