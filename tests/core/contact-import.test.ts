import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContactCandidate } from '../../src/core/transfer/contact-candidate.ts'
import { csvCandidates, guessMapping, parseCsv } from '../../src/core/transfer/csv.ts'
import { LogFile } from '../../src/core/journal/log-file.ts'
import { applyImport, planImport } from '../../src/core/transfer/import-plan.ts'
import { foldKey } from '../../src/shared/fold-key.ts'
import type { ImportDecisions } from '../../src/core/transfer/import-plan.ts'
import { ImportProblem } from '../../src/core/transfer/import-problem.ts'
import type { JournalStore } from '../../src/core/journal/journal-store.ts'
import { createPerson, deletePerson } from '../../src/core/entries/people.ts'
import { parseVCards } from '../../src/core/transfer/vcard.ts'
import { contactFile } from '../support/contacts.ts'
import { storedFilesHash, storedJournal } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const NOW = new Date(2026, 10, 23, 10)
const LATER = new Date(2026, 10, 24, 9)
const vcf = (name: string) => parseVCards(contactFile(name))
const candidate = (line: number, name: string, more: Partial<ContactCandidate> = {}): ContactCandidate => ({
  line,
  name,
  company: '',
  role: '',
  email: '',
  phone: '',
  location: '',
  note: '',
  tags: [],
  ...more
})

/** What the import screen does with a file: parse, plan, and only then apply. */
async function importFile(store: JournalStore, name: string, decisions?: ImportDecisions) {
  const bytes = contactFile(name)
  let candidates: ContactCandidate[]
  if (name.endsWith('.vcf')) {
    candidates = parseVCards(bytes)
  } else {
    const parsed = parseCsv(bytes)
    candidates = csvCandidates(parsed, guessMapping(parsed.headers, parsed.rows))
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
    expect(plan.items.map(({ candidate, ...item }) => [candidate.name, item])).toEqual([
      [
        'Ana García',
        {
          action: 'merge',
          matchId: ana.id,
          reason: 'Ana García is already in the journal with the same email (ANA.GARCIA@Acme.Example).'
        }
      ],
      ['Nguyễn Văn An', { action: 'add', reason: 'New person.' }],
      ["Siobhán O'Brien", { action: 'add', reason: 'New person.' }],
      [
        'José Luis Fernández',
        {
          action: 'merge',
          matchId: jose.id,
          reason:
            'Jose Luis Fernandez is already in the journal with the same name and company (IBERIA CARGO SERVICES).'
        }
      ],
      ['Dr. Jürgen Schmidt', { action: 'add', reason: 'New person.' }]
    ])
  })

  it('skips a contact that appears earlier in the same file, saying where', () => {
    const plan = planImport(store.journal, [
      candidate(2, 'Ana García', { email: 'ana.garcia@acme.example', company: 'Acme' }),
      candidate(3, 'Ana G.', { email: ' Ana.Garcia@ACME.example ' }),
      candidate(4, 'ANA GARCIA', { company: 'acme' }),
      candidate(5, 'Ana García', { company: 'Globex' })
    ])
    expect(plan.items.map((item) => [item.action, item.reason])).toEqual([
      ['add', 'New person.'],
      ['skip', 'Line 2 earlier in this file (Ana García) has the same email (Ana.Garcia@ACME.example).'],
      ['skip', 'Line 2 earlier in this file (Ana García) has the same name and company.'],
      ['add', 'New person.']
    ])
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

describe('nothing is half-saved', () => {
  it.each(['latin1.vcf', 'unterminated.vcf', 'noname.vcf', 'broken-quote.csv', 'utf16.csv'])(
    'a failed import of %s names the line and leaves the journal byte-identical',
    async (name) => {
      await seedAna()
      const before = await storedFilesHash(journal.file)
      const change = vi.spyOn(store, 'change')
      await expect(importFile(store, name)).rejects.toThrow(ImportProblem)
      await expect(importFile(store, name)).rejects.toThrow(/^Line \d+: /)
      expect(change).not.toHaveBeenCalled()
      expect(await storedFilesHash(journal.file)).toBe(before)
    }
  )

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
