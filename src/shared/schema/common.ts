/** Building blocks shared by every part of the journal schema. */
import * as v from 'valibot'

/** An object that refuses keys it does not declare (including __proto__ and constructor). */
export const strict = <T extends v.ObjectEntries>(entries: T) => v.strictObject(entries)

/**
 * One validation issue in words a person can act on. Our own messages already name the field ("Name is too
 * long…"); valibot's generic ones get the field's path, which only a malformed request can produce.
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = v.getDotPath(issue)
  let text = issue.message
  if (issue.type === 'strict_object' && issue.expected === 'never') text = 'Rapport does not know this field'
  else if (issue.kind === 'schema' && issue.received === 'undefined') text = 'This field is missing'
  else if (issue.message.startsWith('Invalid type:')) text = `Expected ${issue.expected}, but got ${issue.received}`
  else if (!issue.message.startsWith('Invalid ')) return issue.message
  return where ? `${text.replace(/\.$/, '')} (${where}).` : text
}

export const IdSchema = v.pipe(
  v.string('An id must be text.'),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'That id is not one Rapport made.')
)

export const TimestampSchema = v.pipe(
  v.string('Expected a date and time.'),
  v.isoTimestamp('Expected an ISO date and time.')
)

/** A calendar day, YYYY-MM-DD, that exists (no 31 April). */
export const DaySchema = v.pipe(
  v.string('Expected a date.'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD.'),
  v.check(isRealDay, 'That date does not exist.')
)

export function isRealDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return (
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2200
  )
}

/** Trimmed text of at most `max` characters; `required` refuses an empty one with its own message. */
export function text(label: string, max: number, required = false) {
  const base = v.pipe(
    v.string(`${label} must be text.`),
    v.trim(),
    v.maxLength(max, `${label} is too long (at most ${max.toLocaleString('en')} characters).`)
  )
  return required ? v.pipe(base, v.nonEmpty(`${label} is required.`)) : base
}

/** Long free text (Markdown bodies, notes) keeps its whitespace: line breaks and indents mean something. */
export function longText(label: string, max: number) {
  return v.pipe(
    v.string(`${label} must be text.`),
    v.maxLength(max, `${label} is too long (at most ${max.toLocaleString('en')} characters).`)
  )
}
