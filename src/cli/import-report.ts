/** What `rapport import` prints about a contacts file: every record not read, names stood in for, doubts, warnings. */
import { MAPPED_FIELDS } from '../shared/choices.ts'
import type { ContactPreviewItem, ImportPreview, NameSource, SkippedRecord } from '../shared/transfer.ts'
import type { Output } from './output.ts'

type ContactsPreview = Extract<ImportPreview, { kind: 'contacts' }>

const NAMED_AFTER: Record<Exclude<NameSource, 'name'>, string> = {
  company: 'named after the company: the file gives no name',
  email: 'named after the email: the file gives no name',
  phone: 'named after the phone number: the file gives no name'
}

/** "name ← “Name”, email ← “E-mail 1 - Value” + “E-mail 2 - Value”, …" */
export function describeMapping({ headers, mapping }: NonNullable<ContactsPreview['csv']>): string {
  return MAPPED_FIELDS.flatMap((field) => {
    const columns = mapping.flatMap((f, i) => (f === field ? [`“${headers[i] || `column ${i + 1}`}”`] : []))
    return columns.length > 0 ? [`${field} ← ${columns.join(' + ')}`] : []
  }).join(', ')
}

/** One contact of the plan, as --dry-run lists them, with what was read differently under it. */
export function printItem(item: ContactPreviewItem, out: Output): void {
  const marks = [`line ${item.line}`, ...(item.nameFrom === 'name' ? [] : [NAMED_AFTER[item.nameFrom]])]
  const doubt = item.possibleDuplicate ? ' [possible duplicate]' : ''
  out.line(`${item.action.padEnd(6)} ${item.name} (${marks.join('; ')})${doubt}: ${item.reason}`)
  for (const warning of item.warnings) out.line(`       ! ${warning}`)
}

/** After a real import: the contacts whose name stood in for a missing one, the possible duplicates, the warnings. */
export function printNotes(preview: ContactsPreview, out: Output): void {
  const named = preview.items.filter((item) => item.nameFrom !== 'name')
  if (named.length > 0) {
    out.line(`Named for want of a name ${named.length.toLocaleString('en')}:`)
    for (const item of named) out.line(`  ${item.name} (line ${item.line}, ${NAMED_AFTER[item.nameFrom as 'email']})`)
  }
  const doubtful = preview.items.filter((item) => item.possibleDuplicate && item.action === 'add')
  if (doubtful.length > 0) {
    out.line(
      `Possible duplicates ${doubtful.length.toLocaleString('en')} (added as new people; merge them in the app if they are one person):`
    )
    for (const item of doubtful) out.line(`  ${item.name} (line ${item.line}): ${item.reason}`)
  }
  const warned = preview.items.filter((item) => item.warnings.length > 0)
  if (warned.length > 0) {
    out.line('Read with warnings:')
    for (const item of warned)
      for (const warning of item.warnings) out.line(`  ${item.name} (line ${item.line}): ${warning}`)
  }
}

/** Every record that was not read: its line, why, and its text as in the file. */
export function printSkipped(skipped: readonly SkippedRecord[], out: Output): void {
  if (skipped.length === 0) return
  out.line(`Not read ${skipped.length.toLocaleString('en')} (left out of the import):`)
  for (const record of skipped) {
    out.line(`  Line ${record.line}: ${record.reason}`)
    for (const line of record.raw.split(/\r\n|\n|\r/)) out.line(`    | ${line}`)
  }
}

export function printNotices(preview: ContactsPreview, out: Output): void {
  for (const notice of preview.notices) out.line(`Note: ${notice}`)
}
