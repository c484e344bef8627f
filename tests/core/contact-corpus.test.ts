/**
 * The contact-file corpus: one file per dialect (tests/fixtures/contacts), each read exactly into the people
 * its expected/<file>.json lists, with every skipped record (line, reason, text) and every notice.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ContactCandidate, ContactRead } from '../../src/core/transfer/contact-candidate.ts'
import { blankCandidate, CONTACTS, readContacts } from '../support/contacts.ts'

interface Expected {
  about: string
  people: Array<Partial<ContactCandidate> & { line: number; name: string }>
  skipped: ContactRead['skipped']
  notices: string[]
}

const files = readdirSync(CONTACTS).filter((name) => /\.(vcf|csv)$/.test(name))
const expected = (name: string) =>
  JSON.parse(readFileSync(join(CONTACTS, 'expected', `${name}.json`), 'utf8')) as Expected

describe('the contact corpus', () => {
  it('has an expectation for every file, and covers every dialect import reads', () => {
    const written = readdirSync(join(CONTACTS, 'expected')).map((name) => name.replace(/\.json$/, ''))
    expect(written.sort()).toEqual([...files].sort())
    expect(files.length).toBeGreaterThanOrEqual(25)
  })

  it.each(files)('reads %s into exactly the expected people', (name) => {
    const want = expected(name)
    const read = readContacts(name)
    expect(read.candidates).toEqual(
      want.people.map((person) => ({ ...blankCandidate, nameFrom: 'name', warnings: [], ...person }))
    )
    expect(read.skipped).toEqual(want.skipped)
    expect(read.notices).toEqual(want.notices)
  })
})
