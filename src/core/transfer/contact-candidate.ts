/** One contact read from a vCard or CSV file, before it becomes (or merges into) a person. */
import * as v from 'valibot'
import { personProfileEntries } from '../../shared/schema/person.ts'
import type { NameSource, SkippedRecord } from '../../shared/transfer.ts'
import { isEmail, readAddress, uniqueEmails, uniquePhones } from './contact-address.ts'

export interface ContactCandidate {
  /** The 1-based line where the card or row starts, so every message can point at it. */
  line: number
  name: string
  /** Where the name came from: the record's own name, or (marked in the preview) what stood in for it. */
  nameFrom: NameSource
  company: string
  role: string
  /** The first valid address; the others (and any that are not valid, as written) are in otherEmails. */
  email: string
  phone: string
  otherEmails: string[]
  otherPhones: string[]
  location: string
  /** Goes into "How we met" (see import-plan.ts). */
  note: string
  tags: string[]
  /** What was read differently from the file, in words, each naming its line. */
  warnings: string[]
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

/** What a reader found in one record, before it is checked: every email and phone, the name if any. */
export interface ContactFields {
  line: number
  name: string
  company: string
  role: string
  emails: string[]
  phones: string[]
  location: string
  note: string
  tags: string[]
  warnings: string[]
  dates?: CandidateDate[]
}

/** What reading a file gave: the contacts, every record that was skipped and why, and notes about the file. */
export interface ContactRead {
  candidates: ContactCandidate[]
  skipped: SkippedRecord[]
  notices: string[]
}

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
  if (given && family && EAST_ASIAN.test(given) && EAST_ASIAN.test(family))
    return [extra.prefix, `${family}${given}`, extra.suffix].filter(Boolean).join(' ')
  return [extra.prefix, given, extra.middle, family, extra.suffix]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean)
    .join(' ')
}

const LIMITS = {
  name: [personProfileEntries.name, 'the name'],
  company: [personProfileEntries.company, 'the company'],
  role: [personProfileEntries.role, 'the job title'],
  location: [personProfileEntries.location, 'the location'],
  note: [personProfileEntries.howWeMet, 'the note'],
  phone: [personProfileEntries.phone, 'a phone number'],
  otherEmails: [personProfileEntries.otherEmails, 'the other emails'],
  otherPhones: [personProfileEntries.otherPhones, 'the other phones'],
  tags: [personProfileEntries.tags, 'the tags']
} as const

/**
 * A candidate from what was read, or why the record cannot be one. A record without a name is named after
 * its company, email or phone (in that order, and marked); one with none of these has nothing to go by.
 */
export function toCandidate(fields: ContactFields, kind: 'card' | 'row'): ContactCandidate | { problem: string } {
  const warnings = [...fields.warnings]
  const addresses = uniqueEmails(fields.emails.map((value) => readAddress(value).address))
  const email = addresses.find(isEmail) ?? ''
  for (const address of addresses) {
    if (!isEmail(address))
      warnings.push(`“${address}” does not look like an email address: it is kept as written, with the other emails.`)
  }
  const phones = uniquePhones(fields.phones)
  let nameFrom: NameSource = 'name'
  let name = fields.name
  if (!name && fields.company) [name, nameFrom] = [fields.company, 'company']
  if (!name && fields.emails[0]) {
    const first = readAddress(fields.emails[0])
    ;[name, nameFrom] = [first.displayName || first.address, 'email']
  }
  if (!name && phones[0]) [name, nameFrom] = [phones[0], 'phone']
  if (!name) return { problem: `this ${kind} has no name, company, email or phone to go by.` }
  const candidate: ContactCandidate = {
    line: fields.line,
    name,
    nameFrom,
    company: fields.company,
    role: fields.role,
    email,
    phone: phones[0] ?? '',
    otherEmails: addresses.filter((address) => address !== email),
    otherPhones: phones.slice(1),
    location: fields.location,
    note: fields.note,
    tags: fields.tags,
    warnings,
    ...(fields.dates?.length ? { dates: fields.dates } : {})
  }
  const problem = limitProblem(candidate)
  return problem ? { problem } : candidate
}

/** Why the journal would refuse the candidate, checked with the person schema itself; null when it would not. */
function limitProblem(candidate: ContactCandidate): string | null {
  const values = { ...candidate, phone: [candidate.phone, ...candidate.otherPhones] }
  for (const [field, [schema, label]] of Object.entries(LIMITS)) {
    const value = values[field as keyof typeof LIMITS]
    for (const one of field === 'phone' ? (value as string[]) : [value]) {
      const result = v.safeParse(schema, one)
      if (result.success) continue
      const issue = result.issues[0]
      const max = Number(issue.requirement).toLocaleString('en')
      const item = issue.path?.[0]?.value
      if (issue.type !== 'max_length') return `${label} cannot be imported: ${issue.message}`
      if (typeof item === 'string') return `${label}: “${clip(item)}” is longer than ${max} characters.`
      if (Array.isArray(one)) return `there are ${one.length} of ${label}; a person has at most ${max}.`
      const length = one.trim().length.toLocaleString('en')
      return `${label} is too long (${length} characters; at most ${max}).`
    }
  }
  return null
}

const clip = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text)
