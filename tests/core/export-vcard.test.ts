/**
 * Contacts out as vCard 4.0: the file's shape, the handler behind the menu and `rapport export vcard`, and
 * round-trips — export, import into an empty journal, and the same people come back.
 */
import { readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ShellPort } from '../../src/core/api/shell-port.ts'
import { isEmail } from '../../src/core/transfer/contact-address.ts'
import { renderVCards } from '../../src/core/transfer/export-vcard.ts'
import { applyImport, planImport } from '../../src/core/transfer/import-plan.ts'
import { parseVCards } from '../../src/core/transfer/vcard.ts'
import { emptyJournal } from '../../src/shared/schema/journal.ts'
import { defaultProfile } from '../../src/shared/schema/person.ts'
import type { Person } from '../../src/shared/schema/person.ts'
import { CONTACTS, readContacts } from '../support/contacts.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const CONTACT_FIELDS = [
  'name',
  'company',
  'role',
  'email',
  'otherEmails',
  'phone',
  'otherPhones',
  'location',
  'howWeMet',
  'tags'
] as const
const contactOf = (person: Person) => Object.fromEntries(CONTACT_FIELDS.map((field) => [field, person[field]]))

const person = (fields: Partial<Person>, n = 1): Person => ({
  id: `0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e1${n}`,
  ...defaultProfile(),
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  name: 'Ana García',
  ...fields
})

/** Exports the people, imports the file into an empty journal, and gives back who is there now. */
async function roundTrip(people: readonly Person[]): Promise<Person[]> {
  const journal = await openTempJournal(undefined, () => NOW)
  try {
    const store = journal.session.store()
    const read = parseVCards(new TextEncoder().encode(renderVCards(people)))
    expect(read.skipped).toEqual([])
    const plan = planImport(store.journal, read.candidates)
    expect(plan.items.every((item) => item.action === 'add')).toBe(true)
    await applyImport(store, plan, NOW)
    return store.journal.people
  } finally {
    await journal.dispose()
  }
}

/** Exports the people and reads the file back as an import into an empty journal would add them. */
function readBack(people: readonly Person[]) {
  const read = parseVCards(new TextEncoder().encode(renderVCards(people)))
  expect(read.skipped).toEqual([])
  const plan = planImport(emptyJournal(), read.candidates)
  expect(plan.items.map((item) => item.action)).toEqual(people.map(() => 'add'))
  return read.candidates.map(({ note, ...candidate }) =>
    Object.fromEntries(CONTACT_FIELDS.map((field) => [field, field === 'howWeMet' ? note : candidate[field]]))
  )
}

describe('the vCard 4.0 file', () => {
  it('holds one card per person: FN and N, every email and phone with the first preferred, escapes, CRLF', () => {
    const text = renderVCards([
      person({
        name: 'Ana García López',
        company: 'Acme; Logistics, S.A.',
        role: 'CFO',
        email: 'ana@acme.example',
        otherEmails: ['ana@home.example', 'ana at acme'],
        phone: '+34 600 111 222',
        otherPhones: ['+34 91 555 0101'],
        location: 'Madrid, Spain',
        tags: ['Clients', 'Nigeria, UK'],
        howWeMet: 'Met at SIL.\nPrefers calls.'
      })
    ])
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'PRODID:-//Rapport//Rapport contacts//EN',
      'UID:urn:uuid:0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e11',
      'FN:Ana García López',
      'N:López;Ana García;;;',
      'ORG:Acme\\; Logistics\\, S.A.',
      'TITLE:CFO',
      'EMAIL;PREF=1:ana@acme.example',
      'EMAIL:ana@home.example',
      'EMAIL:ana at acme',
      'TEL;VALUE=text;PREF=1:+34 600 111 222',
      'TEL;VALUE=text:+34 91 555 0101',
      'ADR:;;;Madrid\\, Spain;;;',
      'CATEGORIES:Clients,Nigeria\\, UK',
      'NOTE:Met at SIL.\\nPrefers calls.',
      'REV:20261123T100000Z',
      'END:VCARD',
      ''
    ])
  })

  it('folds long lines at 75 octets without cutting a letter', () => {
    const text = renderVCards([
      person({ howWeMet: 'Познакомились на выставке TransRussia в Москве. '.repeat(8).trim() })
    ])
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(text).not.toContain('\uFFFD')
  })
})

describe('export → import gives the same people', () => {
  it('for people written by hand: every field a contact app has a place for', async () => {
    const people = [
      person({
        name: 'Dr. Ada King PhD',
        company: 'Analytical Freight Ltd',
        role: 'Head of Data',
        email: 'ada@analytical-freight.example',
        otherEmails: ['ada.king@home.example', 'ada at home'],
        phone: '+44 20 7946 0018',
        otherPhones: ['+44 7700 900123'],
        location: 'London, UK',
        tags: ['Prospects', 'a\\b;c'],
        howWeMet: 'Met at Multimodal 2025.\n\nTwo kids; loves sailing.',
        importantDates: [
          { label: 'Birthday', date: '--03-17', repeats: 'yearly', remindDaysBefore: null },
          { label: 'Anniversary', date: '2015-06-20', repeats: 'yearly', remindDaysBefore: null }
        ]
      }),
      person({ name: '王伟', company: '深圳华通物流', location: '深圳, China' }, 2),
      person({ name: 'Omega', email: 'omega@omega.example' }, 3)
    ]
    const back = await roundTrip(people)
    expect(back.map(contactOf)).toEqual(people.map(contactOf))
    expect(back.map((p) => p.importantDates)).toEqual(people.map((p) => p.importantDates))
  })

  it('for any people (fast-check, read back without a journal on disk)', () => {
    const clean = (s: string) => s.replace(/\p{Cc}/gu, '').trim()
    const line = (max: number) => fc.string({ unit: 'grapheme', maxLength: max }).map(clean)
    const note = fc.array(line(60), { maxLength: 4 }).map((lines) => lines.join('\n').trim())
    const invalidEmail = fc.stringMatching(/^[a-z0-9][a-z0-9 ._()-]{0,20}$/).filter((s) => !isEmail(s.trim()))
    const phone = fc.stringMatching(/^\+?[0-9][0-9 ()-]{3,20}$/).map((s) => s.trim())
    const contact = fc.record({
      name: line(60).filter(Boolean),
      company: line(60),
      role: line(60),
      location: line(60),
      howWeMet: note,
      hasEmail: fc.boolean(),
      otherValid: fc.nat({ max: 2 }),
      invalid: fc.array(invalidEmail, { maxLength: 2 }),
      phones: fc.array(phone, { maxLength: 3 }),
      tags: fc.uniqueArray(
        line(20).filter((t) => t !== '' && !t.startsWith('*') && !['mycontacts', 'starred'].includes(t.toLowerCase())),
        {
          maxLength: 4,
          selector: (t) => t.toLowerCase()
        }
      )
    })
    fc.assert(
      fc.property(fc.array(contact, { minLength: 1, maxLength: 6 }), (contacts) => {
        // Each person's addresses and numbers are their own, as two people in one file would otherwise merge.
        const people = contacts.map((c, i) => {
          const valid = Array.from(
            { length: (c.hasEmail ? 1 : 0) + (c.hasEmail ? c.otherValid : 0) },
            (_, k) => `p${i}.${k}@example.com`
          )
          const invalid = [...new Set(c.invalid.map((s) => `${s.trim()} ${i}`))]
          const phones = c.phones.map((p, k) => `${p} ${i}${k}`)
          return person(
            {
              name: `${c.name} ${i}`,
              company: c.company,
              role: c.role,
              location: c.location,
              howWeMet: c.howWeMet,
              email: valid[0] ?? '',
              otherEmails: valid[0] ? [...valid.slice(1), ...invalid] : [],
              phone: phones[0] ?? '',
              otherPhones: phones.slice(1),
              tags: c.tags
            },
            i
          )
        })
        expect(readBack(people)).toEqual(people.map(contactOf))
      }),
      { numRuns: 300 }
    )
  })

  it('for every contact file of the corpus: import, export, import again reads the same contacts', async () => {
    const files = readdirSync(CONTACTS).filter((name) => /\.(vcf|csv)$/.test(name))
    for (const file of files) {
      const { candidates } = readContacts(file)
      const journal = await openTempJournal(undefined, () => NOW)
      try {
        const store = journal.session.store()
        await applyImport(store, planImport(store.journal, candidates), NOW)
        const again = await roundTrip(store.journal.people)
        expect(again.map(contactOf), file).toEqual(store.journal.people.map(contactOf))
      } finally {
        await journal.dispose()
      }
    }
  })
})

/** A desktop whose save dialog answers what the test says. */
class SaveShell implements ShellPort {
  saveAs: string | null = null
  asked: string[] = []
  pickFolder = async () => null
  pickFile = async () => null
  pickFiles = async () => null
  pickSaveFile = async (title: string, name: string) => {
    this.asked.push(`${title}: ${name}`)
    return this.saveAs
  }
  openFolder = async () => undefined
  rememberDataDir = async () => undefined
  applySettings = () => undefined
}

describe('the exportVcard call (the menu’s “Export Contacts (vCard)…”)', () => {
  let shell: SaveShell
  let journal: TempJournal
  let out: string
  beforeEach(async () => {
    shell = new SaveShell()
    journal = await openTempJournal(undefined, () => NOW, shell)
    out = await mkdtemp(join(tmpdir(), 'rapport-vcard-'))
  })
  afterEach(async () => {
    await journal.dispose()
    await rm(out, { recursive: true, force: true })
  })

  it('saves everyone, or one person, where the user picks; nothing when they cancel', async () => {
    const ana = await journal.handlers.createPerson({ person: { name: 'Ana García', email: 'ana@acme.example' } })
    await journal.handlers.createPerson({ person: { name: 'Liam Byrne', archived: true } })
    expect(await journal.handlers.exportVcard({})).toEqual({ canceled: true })
    shell.saveAs = join(out, 'all.vcf')
    expect(await journal.handlers.exportVcard({})).toEqual({ canceled: false, file: shell.saveAs, people: 2 })
    const all = parseVCards(await readFile(shell.saveAs)).candidates
    expect(all.map((c) => c.name)).toEqual(['Ana García', 'Liam Byrne'])
    shell.saveAs = join(out, 'ana.vcf')
    expect(await journal.handlers.exportVcard({ personIds: [ana.id] })).toMatchObject({ people: 1 })
    expect(parseVCards(await readFile(shell.saveAs)).candidates.map((c) => [c.name, c.email])).toEqual([
      ['Ana García', 'ana@acme.example']
    ])
    expect(shell.asked).toEqual([
      'Export contacts as vCards: Rapport contacts.vcf',
      'Export contacts as vCards: Rapport contacts.vcf',
      'Export this person as a vCard: Ana García.vcf'
    ])
  })

  it('replaces only a contacts file Rapport wrote, and refuses a person not in the journal', async () => {
    await expect(journal.handlers.exportVcard({})).rejects.toThrow('There is no one in the journal to export yet.')
    await journal.handlers.createPerson({ person: { name: 'Ana García' } })
    shell.saveAs = join(out, 'mine.vcf')
    await writeFile(shell.saveAs, 'my own notes')
    await expect(journal.handlers.exportVcard({})).rejects.toThrow(/is not a contacts file Rapport wrote/)
    expect(await readFile(shell.saveAs, 'utf8')).toBe('my own notes')
    shell.saveAs = join(out, 'ours.vcf')
    await journal.handlers.exportVcard({})
    await journal.handlers.createPerson({ person: { name: 'Liam Byrne' } })
    expect(await journal.handlers.exportVcard({})).toMatchObject({ people: 2 })
    await expect(journal.handlers.exportVcard({ personIds: ['not-a-person-id'] })).rejects.toThrow(
      'That person is no longer in the journal.'
    )
  })
})
