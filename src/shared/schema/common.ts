/** Building blocks shared by every part of the journal schema. */
import * as v from 'valibot'

/** An object that refuses keys it does not declare (including __proto__ and constructor). */
export const strict = <T extends v.ObjectEntries>(entries: T) => v.strictObject(entries)

/**
 * One validation issue in words a person can act on. Our own messages already name the field ("Name is too
 * long…"); valibot's generic ones get the field's path, which only a malformed request can produce.
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  // What came in is never handed back whole (a 5 MB string would come back as a 5 MB message).
  const where = shorten(v.getDotPath(issue) ?? '')
  let text = issue.message
  if (issue.type === 'strict_object' && issue.expected === 'never') text = 'Rapport does not know this field'
  else if (issue.kind === 'schema' && issue.received === 'undefined') text = 'This field is missing'
  else if (issue.message.startsWith('Invalid type:'))
    text = `Expected ${shorten(issue.expected ?? '')}, but got ${shorten(issue.received)}`
  else if (!issue.message.startsWith('Invalid ')) return shorten(issue.message, 600)
  return where ? `${text.replace(/\.$/, '')} (${where}).` : shorten(text, 600)
}

/** At most `max` characters of a text that came from outside, marked where it was cut. */
export function shorten(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

export const IdSchema = v.pipe(
  v.string('An id must be text.'),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'That id is not one Rapport made.')
)

export const TimestampSchema = v.pipe(
  v.string('Expected a date and time.'),
  v.isoTimestamp('Expected an ISO date and time.'),
  v.check(isRealMoment, 'Expected a date and time that exists, between the years 1900 and 2200.')
)

/** An ISO timestamp on a day that exists (no 31 February), in Rapport's years, that JavaScript can read. */
function isRealMoment(stamp: string): boolean {
  return isRealDay(stamp.slice(0, 10)) && Number.isFinite(Date.parse(stamp))
}

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

/**
 * Trimmed text of at most `max` characters; `required` refuses an empty one, and one with nothing visible
 * in it (zero-width spaces, joiners, direction marks), with their own messages.
 */
export function text(label: string, max: number, required = false) {
  const base = v.pipe(
    v.string(`${label} must be text.`),
    v.trim(),
    v.maxLength(max, `${label} is too long (at most ${max.toLocaleString('en')} characters).`),
    wellFormed(label)
  )
  return required
    ? v.pipe(
        base,
        v.nonEmpty(`${label} is required.`),
        v.check(hasVisible, `${label} needs at least one visible character.`)
      )
    : base
}

/** Long free text (Markdown bodies, notes) keeps its whitespace: line breaks and indents mean something. */
export function longText(label: string, max: number) {
  return v.pipe(
    v.string(`${label} must be text.`),
    v.maxLength(max, `${label} is too long (at most ${max.toLocaleString('en')} characters).`),
    wellFormed(label)
  )
}

/**
 * Refuses half a character: a UTF-16 surrogate without its partner, which no keyboard types, JSON carries as
 * an escape, and UTF-8 (exports, the search index) cannot hold.
 */
export function wellFormed(label: string) {
  return v.check(
    (value: string) => !LONE_SURROGATE.test(value),
    `${label} is not valid text: it holds half of a character (a lone surrogate).`
  )
}

// With the u flag a surrogate pair is one code point; only a lone half is in the Surrogate category.
const LONE_SURROGATE = /\p{Cs}/u
// Anything but spaces, format controls and default-ignorable code points (zero-width, fillers, bidi marks).
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u

export function hasVisible(value: string): boolean {
  return VISIBLE.test(value)
}
