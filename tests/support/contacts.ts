/** The contact files in tests/fixtures/contacts, and what the contact-import tests share about them. */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import type { ContactCandidate, ContactRead } from '../../src/core/transfer/contact-candidate.ts'
import { csvCandidates, guessMapping, parseCsv } from '../../src/core/transfer/csv.ts'
import { parseVCards } from '../../src/core/transfer/vcard.ts'
import { ImportProblem } from '../../src/core/transfer/import-problem.ts'

export const CONTACTS = resolve(import.meta.dirname, '../fixtures/contacts')

export const contactFile = (name: string): Buffer => readFileSync(join(CONTACTS, name))

/** What the import screen reads from a fixture before planning (the columns it guesses, for a CSV). */
export function readContacts(name: string): ContactRead {
  const bytes = contactFile(name)
  if (name.endsWith('.vcf')) return parseVCards(bytes)
  const parsed = parseCsv(bytes)
  return csvCandidates(parsed, guessMapping(parsed.headers, parsed.rows))
}

/** The names the corpus expects a fixture to give, in order (tests/fixtures/contacts/expected/<file>.json). */
export function expectedNames(name: string): string[] {
  const expected = JSON.parse(readFileSync(join(CONTACTS, 'expected', `${name}.json`), 'utf8')) as {
    people: Array<{ name: string }>
  }
  return expected.people.map((person) => person.name)
}

/** A file's bytes, for contacts written inline in a test. */
export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

/** A candidate's fields other than its line and name, all empty; its name its own. */
export const blankCandidate: Omit<ContactCandidate, 'line' | 'name'> = {
  nameFrom: 'name',
  company: '',
  role: '',
  email: '',
  phone: '',
  otherEmails: [],
  otherPhones: [],
  location: '',
  note: '',
  tags: [],
  warnings: []
}

/** The ImportProblem a parse throws, so its line and message can both be checked. */
export function problemOf(parse: () => unknown): ImportProblem {
  try {
    parse()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportProblem)
    return error as ImportProblem
  }
  throw new Error('expected an ImportProblem')
}
