import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContactCandidate } from '../../src/core/transfer/contact-candidate.ts'
import { csvCandidates, guessMapping, parseCsv } from '../../src/core/transfer/csv.ts'
import { LogFile } from '../../src/core/journal/log-file.ts'
import { applyImport, planImport } from '../../src/core/transfer/import-plan.ts'
import { compatibleNames } from '../../src/core/transfer/contact-match.ts'
import { foldKey } from '../../src/shared/fold-key.ts'
import type { ImportDecisions } from '../../src/core/transfer/import-plan.ts'
import { ImportProblem } from '../../src/core/transfer/import-problem.ts'
import type { JournalStore } from '../../src/core/journal/journal-store.ts'
import { createPerson, deletePerson } from '../../src/core/entries/people.ts'
import { parseVCards } from '../../src/core/transfer/vcard.ts'
import { blankCandidate, bytes, contactFile, expectedNames } from '../support/contacts.ts'
import { storedFilesHash, storedJournal } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const NOW = new Date(2026, 10, 23, 10)
const LATER = new Date(2026, 10, 24, 9)
const vcf = (name: string) => parseVCards(contactFile(name)).candidates
const candidate = (line: number, name: string, more: Partial<ContactCandidate> = {}): ContactCandidate => ({
  ...blankCandidate,
  line,
  name,
  ...more
})

/** What the import screen does with a file: parse, plan, and only then apply. */
async function importFile(store: JournalStore, name: string | Uint8Array, decisions?: ImportDecisions) {
  const bytes = typeof name === 'string' ? contactFile(name) : name
  let candidates: ContactCandidate[]
  if (typeof name === 'string' && name.endsWith('.csv')) {
    const parsed = parseCsv(bytes)
    candidates = csvCandidates(parsed, guessMapping(parsed.headers, parsed.rows)).candidates
  } else {
    candidates = parseVCards(bytes).candidates
  }
  return applyImport(store, planImport(store.journal, candidates), LATER, decisions)
}

let journal: TempJournal
let store: JournalStore
beforeEach(async () => {
  journal = await openTempJournal(undefined, () => NOW)
  store = journal.session.store()
})
afterEach(async () => {
  vi.restoreAllMocks()
  await journal.dispose()
})

/** Ana as the user typed her: their own role and notes, an upper-case email, no phone yet. */
const seedAna = () =>
  createPerson(
    store,
    {
      name: 'Ana García',
      company: 'Acme Logistics',
      role: 'Chief Financial Officer',
      email: 'ANA.GARCIA@Acme.Example',
      howWeMet: 'Kenji introduced us.',
      tags: ['champion', 'clients']
    },
    NOW
  )
/** José Luis, typed without accents and with the company in capitals. */
const seedJose = () => createPerson(store, { name: 'Jose Luis Fernandez', company: 'IBERIA CARGO SERVICES' }, NOW)

describe('planning an import', () => {
  it('adds new people and plans a merge for a match by email or by name and company (case and accents aside)', async () => {
    const ana = await seedAna()
    const jose = await seedJose()
    const plan = planImport(store.journal, [...vcf('google.vcf'), ...vcf('outlook.vcf')])
    const fresh = { action: 'add', possibleDuplicate: false, reason: 'New person.' }
    expect(plan.items.map(({ candidate, ...item }) => [candidate.name, item])).toEqual([
      [
        'Ana García',
        {
          action: 'merge',
          target: { personId: ana.id },
          possibleDuplicate: false,
          reason: 'Ana García is already in the journal with the same email (ANA.GARCIA@Acme.Example).'
        }
      ],
      ['Nguyễn Văn An', fresh],
      ["Siobhán O'Brien", fresh],
      [
        'José Luis Fernández',
        {
          action: 'merge',
          target: { personId: jose.id },
          possibleDuplicate: false,
          reason:
            'Jose Luis Fernandez is already in the journal with the same name and company (IBERIA CARGO SERVICES).'
        }
      ],
      ['Dr. Jürgen Schmidt', fresh]
    ])
  })

  it('merges a contact into the same one earlier in the file, by email with a name that fits or by name and company', () => {
    const plan = planImport(store.journal, [
      candidate(2, 'Ana García', { email: 'Ana.Garcia@ACME.example', company: 'Acme' }),
      candidate(3, 'Ana G.', { email: 'ana.garcia@acme.example', phone: '+34 600' }),
      candidate(4, 'ANA GARCIA', { company: 'acme' }),
      candidate(5, 'Ana García', { company: 'Globex' })
    ])
    expect(plan.items.map((item) => [item.action, item.target, item.reason])).toEqual([
      ['add', undefined, 'New person.'],
      ['merge', { item: 0 }, 'Line 2 earlier in this file (Ana García) has the same email (Ana.Garcia@ACME.example).'],
      ['merge', { item: 0 }, 'Line 2 earlier in this file (Ana García) has the same name and company (Acme).'],
      ['add', undefined, 'New person.']
    ])
  })

  it('marks the same email under another name a possible duplicate, suggests adding, and offers the merge', async () => {
    const kenji = await createPerson(store, { name: 'Kenji Watanabe', email: 'sales@northwind.example' }, NOW)
    const plan = planImport(store.journal, [
      candidate(2, 'Mariko Sato', { email: 'SALES@northwind.example' }),
      candidate(3, 'Liam Byrne', { email: 'info@byrne.example' }),
      candidate(4, 'Aoife Byrne', { otherEmails: ['info@byrne.example'] }),
      candidate(5, 'info@byrne.example', { nameFrom: 'email', email: 'info@byrne.example' })
    ])
    expect(plan.items.map((item) => [item.action, item.possibleDuplicate, item.target, item.reason])).toEqual([
      [
        'add',
        true,
        { personId: kenji.id },
        'Kenji Watanabe is already in the journal with the same email (sales@northwind.example) under another name. Merge them if they are one person.'
      ],
      ['add', false, undefined, 'New person.'],
      [
        'add',
        true,
        { item: 1 },
        'Line 3 earlier in this file (Liam Byrne) has the same email (info@byrne.example) under another name. Merge them if they are one person.'
      ],
      // A name that only stands in for a missing one fits anyone's.
      ['merge', false, { item: 1 }, 'Line 3 earlier in this file (Liam Byrne) has the same email (info@byrne.example).']
    ])
  })

  it('takes names that fit together as one: initials, a missing middle name, case and accents', () => {
    for (const [a, b] of [
      ['Ana García', 'ANA GARCIA'],
      ['Ana García', 'Ana G.'],
      ['Ana García López', 'Ana García'],
      ['J. R. Smith', 'John Robert Smith'],
      ['王伟', '王伟']
    ])
      expect(compatibleNames(a!, b!), `${a} / ${b}`).toBe(true)
    for (const [a, b] of [
      ['Ana García', 'Liam García'],
      ['Tom Berg', 'Thomas Berg']
    ])
      expect(compatibleNames(a!, b!), `${a} / ${b}`).toBe(false)
  })

  it('matches names across case, accents and letters like ø, and same-name people without a company', async () => {
    await createPerson(store, { name: 'Oyvind Hansen', company: 'Nordlys Shipping AS' }, NOW)
    await createPerson(store, { name: 'Siobhan O’Brien' }, NOW)
    await createPerson(store, { name: 'Wang Wei', company: 'Huatong', archived: true }, NOW)
    const plan = planImport(store.journal, [
      candidate(1, 'ØYVIND  HANSEN', { company: 'nordlys shipping as' }),
      candidate(2, 'Siobhán O’Brien'),
      candidate(3, 'Wang Wei', { company: 'Huatong' }),
      candidate(4, 'Oyvind Hansen', { company: 'Another Company' })
    ])
    expect(plan.items.map((item) => item.action)).toEqual(['merge', 'merge', 'merge', 'add'])
    expect(plan.items[2]!.reason).toBe(
      'Wang Wei (archived) is already in the journal with the same name and company (Huatong).'
    )
    expect(foldKey('  José  GARCÍA ')).toBe('jose garcia')
  })
})

describe('applying an import', () => {
  it('adds and merges exactly, in one durable append, never doubling anyone', async () => {
    const ana = await seedAna()
    const jose = await seedJose()
    const change = vi.spyOn(store, 'change')
    const append = vi.spyOn(LogFile.prototype, 'append')
    const result = await applyImport(
      store,
      planImport(store.journal, [...vcf('google.vcf'), ...vcf('outlook.vcf')]),
      LATER
    )
    expect(change).toHaveBeenCalledTimes(1)
    expect(append).toHaveBeenCalledTimes(1)
    expect(result).toEqual({
      added: 3,
      merged: 2,
      skipped: 0,
      names: {
        added: ['Nguyễn Văn An', "Siobhán O'Brien", 'Dr. Jürgen Schmidt'],
        merged: ['Ana García', 'Jose Luis Fernandez'],
        skipped: []
      }
    })

    const onDisk = await storedJournal(journal.file)
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(store.journal)))
    expect(onDisk.people.map((p) => p.name)).toEqual([
      'Ana García',
      'Jose Luis Fernandez',
      'Nguyễn Văn An',
      "Siobhán O'Brien",
      'Dr. Jürgen Schmidt'
    ])
    const emails = onDisk.people.map((p) => p.email.toLowerCase()).filter(Boolean)
    expect(new Set(emails).size).toBe(emails.length)

    const mergedAna = onDisk.people.find((p) => p.id === ana.id)!
    // What the user typed stays; only the empty phone and location are filled; tags are a union.
    expect(mergedAna).toMatchObject({
      name: 'Ana García',
      role: 'Chief Financial Officer',
      email: 'ANA.GARCIA@Acme.Example',
      howWeMet: 'Kenji introduced us.',
      phone: '+34 612 345 678',
      location: 'Madrid, Spain',
      tags: ['champion', 'clients', 'Q1 renewal'],
      createdAt: NOW.toISOString(),
      updatedAt: LATER.toISOString()
    })
    expect(onDisk.people.find((p) => p.id === jose.id)).toMatchObject({
      name: 'Jose Luis Fernandez',
      company: 'IBERIA CARGO SERVICES',
      role: 'Director Comercial',
      email: 'jl.fernandez@iberiacargo.example',
      phone: '+34 600 111 222',
      howWeMet: 'Conocí a José Luis en la feria SIL.\nPrefiere llamadas por la tarde.',
      tags: ['Clients', 'Spain']
    })
    expect(onDisk.people.find((p) => p.name === 'Nguyễn Văn An')).toMatchObject({
      company: 'Saigon Freight',
      role: 'Head of Operations',
      email: 'an.nguyen@saigonfreight.example',
      phone: '+84 28 3822 1234',
      howWeMet: '',
      tags: [],
      relationshipStyle: { kind: 'not-asked', askedOn: '', theirWords: '' },
      cadenceDays: null,
      archived: false,
      createdAt: LATER.toISOString()
    })
  })

  it('importing the same file twice merges the second time and adds no one', async () => {
    await importFile(store, 'apple.vcf')
    const again = await importFile(store, 'apple.vcf')
    expect([again.added, again.merged]).toEqual([0, 3])
    expect(store.journal.people).toHaveLength(3)
  })

  it('a merge that adds nothing leaves the person’s updatedAt as it was', async () => {
    const ana = await createPerson(
      store,
      { name: 'Ana García', company: 'Acme Logistics', email: 'ana.garcia@acme.example' },
      NOW
    )
    await applyImport(
      store,
      planImport(store.journal, [candidate(1, 'Ana García', { email: 'ana.garcia@acme.example', tags: [] })]),
      LATER
    )
    expect(store.journal.people.find((p) => p.id === ana.id)!.updatedAt).toBe(NOW.toISOString())
  })

  it('follows the person’s decisions: add a duplicate anyway, skip a new one', async () => {
    await seedAna()
    const plan = planImport(store.journal, [
      candidate(1, 'Ana García', { company: 'Acme Logistics' }),
      candidate(2, 'Kwame Mensah')
    ])
    expect(plan.items.map((item) => item.action)).toEqual(['merge', 'add'])
    const result = await applyImport(store, plan, LATER, { 0: 'add', 1: 'skip' })
    expect(result).toEqual({
      added: 1,
      merged: 0,
      skipped: 1,
      names: { added: ['Ana García'], merged: [], skipped: ['Kwame Mensah'] }
    })
    expect(store.journal.people.map((p) => p.name)).toEqual(['Ana García', 'Ana García'])
  })

  it('a plan that only skips writes nothing', async () => {
    await seedAna()
    const before = await storedFilesHash(journal.file)
    const change = vi.spyOn(store, 'change')
    const result = await applyImport(store, planImport(store.journal, vcf('google.vcf')), LATER, {
      0: 'skip',
      1: 'skip',
      2: 'skip'
    })
    expect(result.skipped).toBe(3)
    expect(change).not.toHaveBeenCalled()
    expect(await storedFilesHash(journal.file)).toBe(before)
  })
})

describe('importing record by record', () => {
  it('imports every good card of a file with bad ones, keeping every email and phone', async () => {
    const result = await importFile(store, 'odd-cards.vcf')
    expect(result.names.added).toEqual(expectedNames('odd-cards.vcf'))
    expect(store.journal.people.find((p) => p.name === 'Test Contact One')).toMatchObject({
      email: 'contact1@valid-domain.example',
      otherEmails: ['contact1@invalid']
    })
    expect(store.journal.people.find((p) => p.name === 'Evolution Person')).toMatchObject({
      email: 'evo@gnome-mail.example',
      otherEmails: ['evo.person@home.example']
    })
  })

  it('merges later contacts of a file into the person the earlier one became, adding their emails and phones', async () => {
    const ana = await seedAna()
    const plan = planImport(store.journal, [
      candidate(1, 'Liam Byrne', { email: 'liam@byrne.example', phone: '+353 1 555' }),
      candidate(2, 'Liam Byrne', {
        email: 'LIAM@byrne.example',
        otherEmails: ['liam@home.example'],
        phone: '+353 87 555',
        company: 'Byrne Ltd'
      }),
      candidate(3, 'Ana García', {
        company: 'Acme Logistics',
        email: 'ana@home.example',
        otherPhones: ['+34 600 111 222']
      }),
      candidate(4, 'A. García', { email: 'ana@home.example', role: 'ignored: Ana has one' })
    ])
    expect(plan.items.map((item) => item.action)).toEqual(['add', 'merge', 'merge', 'merge'])
    const result = await applyImport(store, plan, LATER)
    expect(result.names).toEqual({
      added: ['Liam Byrne'],
      merged: ['Liam Byrne', 'Ana García', 'Ana García'],
      skipped: []
    })
    expect(store.journal.people).toHaveLength(2)
    expect(store.journal.people.find((p) => p.name === 'Liam Byrne')).toMatchObject({
      company: 'Byrne Ltd',
      email: 'liam@byrne.example',
      otherEmails: ['liam@home.example'],
      phone: '+353 1 555',
      otherPhones: ['+353 87 555']
    })
    expect(store.journal.people.find((p) => p.id === ana.id)).toMatchObject({
      email: 'ANA.GARCIA@Acme.Example',
      otherEmails: ['ana@home.example'],
      otherPhones: ['+34 600 111 222'],
      role: 'Chief Financial Officer'
    })
  })

  it('adds a contact whose earlier twin in the file was skipped, and merges a possible duplicate when told to', async () => {
    const kenji = await createPerson(store, { name: 'Kenji Watanabe', email: 'sales@northwind.example' }, NOW)
    const plan = planImport(store.journal, [
      candidate(1, 'Liam Byrne', { email: 'liam@byrne.example' }),
      candidate(2, 'Liam Byrne', { email: 'liam@byrne.example', company: 'Byrne Ltd' }),
      candidate(3, 'Mariko Sato', { email: 'sales@northwind.example', phone: '+81 3 5555' })
    ])
    expect(plan.items.map((item) => [item.action, item.possibleDuplicate])).toEqual([
      ['add', false],
      ['merge', false],
      ['add', true]
    ])
    const result = await applyImport(store, plan, LATER, { 0: 'skip', 2: 'merge' })
    expect(result.names).toEqual({ added: ['Liam Byrne'], merged: ['Kenji Watanabe'], skipped: ['Liam Byrne'] })
    expect(store.journal.people.map((p) => [p.name, p.company, p.phone])).toEqual([
      ['Kenji Watanabe', '', '+81 3 5555'],
      ['Liam Byrne', 'Byrne Ltd', '']
    ])
    expect(store.journal.people[0]!.id).toBe(kenji.id)
  })
})

describe('nothing is half-saved', () => {
  it.each([
    ['a card with nothing to go by', bytes('BEGIN:VCARD\nNOTE:hello\nEND:VCARD\n')],
    ['no card at all', bytes('Name: Ana\n')],
    ['an empty file', new Uint8Array()]
  ])('a file with no readable record (%s) names the line and leaves the journal byte-identical', async (_, file) => {
    await seedAna()
    const before = await storedFilesHash(journal.file)
    const change = vi.spyOn(store, 'change')
    await expect(importFile(store, file)).rejects.toThrow(ImportProblem)
    await expect(importFile(store, file)).rejects.toThrow(/^Line \d+: /)
    expect(change).not.toHaveBeenCalled()
    expect(await storedFilesHash(journal.file)).toBe(before)
  })

  it('refuses the whole plan when a person to merge into was deleted meanwhile', async () => {
    const ana = await seedAna()
    const plan = planImport(store.journal, [
      candidate(1, 'Kwame Mensah'),
      candidate(7, 'Ana García', { email: 'ana.garcia@acme.example' })
    ])
    await deletePerson(store, ana.id)
    const before = await storedFilesHash(journal.file)
    await expect(applyImport(store, plan, LATER)).rejects.toThrow(
      'Line 7: the person Ana García was to be merged into is no longer in the journal. Check the import again.'
    )
    expect(await storedFilesHash(journal.file)).toBe(before)
    expect(store.journal.people).toEqual([])
  })

  it('refuses a merge that would give someone more than 30 tags', async () => {
    await createPerson(store, { name: 'Ana García', tags: Array.from({ length: 29 }, (_, n) => `tag ${n}`) }, NOW)
    const before = await storedFilesHash(journal.file)
    const plan = planImport(store.journal, [
      candidate(1, 'Liam'),
      candidate(4, 'Ana García', { tags: ['tag 1', 'new one', 'new two'] })
    ])
    await expect(applyImport(store, plan, LATER)).rejects.toThrow(
      'Line 4: Ana García would have 31 tags after this import; a person has at most 30.'
    )
    expect(await storedFilesHash(journal.file)).toBe(before)
    expect(store.journal.people).toHaveLength(1)
  })

  it('refuses a "merge" decision for a contact that matches no one, and decisions for items not in the plan', async () => {
    const plan = planImport(store.journal, [candidate(3, 'Kwame Mensah')])
    await expect(applyImport(store, plan, LATER, { 0: 'merge' })).rejects.toThrow(
      'Line 3: Kwame Mensah matches no one in the journal, so there is nothing to merge into.'
    )
    await expect(applyImport(store, plan, LATER, { 5: 'add' })).rejects.toThrow(
      'There is no contact number 5 in this import.'
    )
    expect(store.journal.people).toEqual([])
  })
})
