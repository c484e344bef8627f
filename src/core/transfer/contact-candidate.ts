/** One contact read from a vCard or CSV file, before it becomes (or merges into) a person. */
import * as v from 'valibot'
import { personProfileEntries } from '../../shared/schema/person.ts'
import { ImportProblem } from './import-problem.ts'

export interface ContactCandidate {
  /** The 1-based line where the card or row starts, so every message can point at it. */
  line: number
  name: string
  company: string
  role: string
  email: string
  phone: string
  location: string
  /** Goes into "How we met" (see import-plan.ts). */
  note: string
  tags: string[]
  /** Dates the card carries (BDAY, ANNIVERSARY) as written; import-plan.ts makes them important dates. */
  dates?: CandidateDate[]
}

export interface CandidateDate {
  label: string
  value: string
  line: number
  /** Apple writes a birthday without a year as 1604-…, with X-APPLE-OMIT-YEAR=1604. */
  omitYear?: string
}

export type CandidateText = Exclude<keyof ContactCandidate, 'line' | 'tags' | 'dates'>

/** Google adds these system groups to every export; they mean nothing in a journal. */
const SYSTEM_TAGS = new Set(['mycontacts', 'starred'])

/** Trimmed, non-empty, de-duplicated tags (case-insensitively), without Google's system groups. */
export function cleanTags(raw: readonly string[]): string[] {
  const seen = new Set<string>()
  const tags: string[] = []
  for (const value of raw) {
    const tag = value.trim().replace(/^\*\s*/, '')
    const key = tag.toLowerCase()
    if (!tag || SYSTEM_TAGS.has(key) || seen.has(key)) continue
    seen.add(key)
    tags.push(tag)
  }
  return tags
}

// Han, Hiragana, Katakana and Hangul: names written family-first with no space between the parts.
const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u

/** A full name from its parts: "Given Family", or "FamilyGiven" for East Asian scripts (王伟). */
export function joinName(
  given: string,
  family: string,
  extra: { prefix?: string; middle?: string; suffix?: string } = {}
): string {
  if (given && family && EAST_ASIAN.test(given) && EAST_ASIAN.test(family)) return `${family}${given}`
  return [extra.prefix, given, extra.middle, family, extra.suffix]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ')
}

const FIELD_SCHEMAS = {
  name: personProfileEntries.name,
  company: personProfileEntries.company,
  role: personProfileEntries.role,
  email: personProfileEntries.email,
  phone: personProfileEntries.phone,
  location: personProfileEntries.location,
  note: personProfileEntries.howWeMet
} satisfies Record<CandidateText, unknown>

const LABELS: Record<CandidateText, string> = {
  name: 'the name',
  company: 'the company',
  role: 'the job title',
  email: 'the email address',
  phone: 'the phone number',
  location: 'the location',
  note: 'the note'
}

/**
 * Refuses a candidate the journal would refuse, with the line of the offending value (`lines` maps a
 * field to where it was read; the candidate's own line otherwise). Checked with the person schema itself,
 * so import and the journal never disagree about a limit.
 */
export function checkCandidate(
  candidate: ContactCandidate,
  lines: Partial<Record<CandidateText | 'tags', number>> = {}
): ContactCandidate {
  for (const field of Object.keys(FIELD_SCHEMAS) as CandidateText[]) {
    const value = candidate[field]
    const result = v.safeParse(FIELD_SCHEMAS[field], value)
    if (result.success || (field === 'name' && value.trim() === '')) continue
    const line = lines[field] ?? candidate.line
    if (field === 'email') throw new ImportProblem(line, `the email address “${value}” does not look right.`)
    const max = result.issues.find((issue) => issue.type === 'max_length')?.requirement
    if (typeof max !== 'number')
      throw new ImportProblem(line, `${LABELS[field]} cannot be imported: ${result.issues[0].message}`)
    throw new ImportProblem(
      line,
      `${LABELS[field]} is too long (${value.trim().length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')}).`
    )
  }
  const tags = v.safeParse(personProfileEntries.tags, candidate.tags)
  if (!tags.success) {
    const issue = tags.issues[0]
    const line = lines.tags ?? candidate.line
    // An issue with a path is about one tag; without one, about the list.
    const tag = issue.path?.[0]?.value
    if (typeof tag === 'string')
      throw new ImportProblem(line, `the tag “${tag}” is too long (at most ${String(issue.requirement)} characters).`)
    throw new ImportProblem(
      line,
      `there are ${candidate.tags.length} tags; a person has at most ${String(issue.requirement)}.`
    )
  }
  return candidate
}
