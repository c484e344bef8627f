import {
  CHALLENGE_STATUSES,
  CHANNELS,
  DIRECTIONS,
  INTEREST_CATEGORIES,
  RELATIONSHIP_STYLES,
  VALUE_KINDS
} from '../../src/shared/choices.ts'
import fc from 'fast-check'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { serializeJournal } from '../../src/core/journal/journal-file.ts'
import { LogFile } from '../../src/core/journal/log-file.ts'
import {
  applyMerge,
  applyReplace,
  compareInstants,
  exportJournalJson,
  planMerge,
  planReplace,
  readJournalExport,
  TransferProblem
} from '../../src/core/transfer/journal-transfer.ts'
import { describeMerge } from '../../src/core/transfer/transfer-words.ts'
import type { JournalStore } from '../../src/core/journal/journal-store.ts'
import { validateJournal } from '../../src/core/journal/journal-text.ts'
import { hasVisible } from '../../src/shared/schema/common.ts'
import { COLLECTIONS, emptyJournal, SCHEMA_VERSION } from '../../src/shared/schema/journal.ts'
import type { Journal } from '../../src/shared/schema/journal.ts'
import { storedFilesHash, storedText } from '../support/files.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const NOW = new Date(2026, 10, 23, 10)
const LATER = new Date(2026, 10, 24, 9)

let opened: TempJournal[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(opened.map((journal) => journal.dispose()))
  opened = []
})

async function open(): Promise<{ journal: TempJournal; store: JournalStore }> {
  const journal = await openTempJournal(undefined, () => NOW)
  opened.push(journal)
  return { journal, store: journal.session.store() }
}

async function seeded() {
  const opened = await open()
  const ids = await seedJournal(opened.journal.handlers, NOW)
  return { ...opened, ids }
}

const preRestoreBackups = async (dir: string) =>
  (await readdir(join(dir, 'backups'))).filter((name) => name.startsWith('pre-restore-'))
const clone = (journal: Journal): Journal => structuredClone(journal)

/** What the import screen does with a file: read it, preview the merge, apply it. */
const mergeFile = async (store: JournalStore, file: string | Uint8Array) =>
  applyMerge(store, planMerge(store.journal, readJournalExport(file)), LATER)

// Arbitrary valid journals. A small shared pool of ids makes two generated journals share items, as a
// journal and an older export of it do; the rest are random ids of every allowed shape.
const ID_POOL = Array.from({ length: 12 }, (_, i) => `pool-id-${String(i).padStart(2, '0')}`)
const id = fc.oneof(fc.constantFrom(...ID_POOL), fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/))
const anyString = (maxLength: number) =>
  fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary', maxLength }))
/** Schema text is trimmed and at most `max` UTF-16 units; `required` text has something visible in it. */
const text = (max: number, required = false) =>
  anyString(Math.floor(max / 2))
    .map((s) => s.trim())
    .filter((s) => s.length <= max && (!required || hasVisible(s)))
const timestamp = fc
  .tuple(
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom('Z', 'Z', '+02:00', '-0530')
  )
  .map(([date, zone]) => date.toISOString().replace('Z', zone))
const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10))

const person = fc.record({
  id,
  name: text(200, true),
  company: text(200),
  role: text(200),
  howWeMet: text(2000),
  email: fc.constantFrom('', 'ana.garcia@acme.example', 'kenji@northwind.example'),
  phone: text(50),
  otherEmails: fc.array(text(254), { maxLength: 3 }),
  otherPhones: fc.array(text(50), { maxLength: 3 }),
  location: text(200),
  timeZone: fc.constantFrom('', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata'),
  tags: fc.array(text(40, true), { maxLength: 5 }),
  drives: text(5000),
  lifeOutsideWork: text(5000),
  boundaries: text(2000),
  relationshipStyle: fc.record({
    kind: fc.constantFrom(...RELATIONSHIP_STYLES),
    askedOn: fc.oneof(fc.constant(''), day),
    theirWords: text(1000)
  }),
  importantDates: fc.array(
    fc.oneof(
      fc.record({
        label: text(80, true),
        date: fc.oneof(day, fc.constantFrom('--02-29', '--04-15', '--12-31')),
        repeats: fc.constant('yearly' as const),
        remindDaysBefore: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null })
      }),
      fc.record({
        label: text(80, true),
        date: day,
        repeats: fc.constant('once' as const),
        remindDaysBefore: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null })
      })
    ),
    { maxLength: 3 }
  ),
  cadenceDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
  archived: fc.boolean(),
  calendarMatches: fc.array(
    fc.record({ attendee: fc.oneof(text(320, true), fc.constant('ana.garcia@acme.example')), is: fc.boolean() }),
    { maxLength: 3 }
  ),
  createdAt: timestamp,
  updatedAt: timestamp
})

const byId = { selector: (item: { id: string }) => item.id, maxLength: 5 }
const nullOr = (ids: string[]) =>
  ids.length === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...ids), { nil: null })

const journalArbitrary: fc.Arbitrary<Journal> = fc
  .record({ name: text(200), people: fc.uniqueArray(person, byId) })
  .chain(({ name, people }) => {
    const personIds = people.map((p) => p.id)
    const personId = personIds.length === 0 ? null : fc.constantFrom(...personIds)
    // Entries that belong to a person exist only once there are people.
    const belongsToSomeone = <T extends { id: string }>(
      arbitrary: (personId: fc.Arbitrary<string>) => fc.Arbitrary<T>
    ): fc.Arbitrary<T[]> => (personId ? fc.uniqueArray(arbitrary(personId), byId) : fc.constant<T[]>([]))
    const conversations = belongsToSomeone(() =>
      fc.record({
        id,
        personIds: fc.subarray(personIds, { minLength: 1 }),
        date: timestamp,
        channel: fc.constantFrom(...CHANNELS),
        title: text(200, true),
        body: anyString(400),
        createdAt: timestamp,
        updatedAt: timestamp
      })
    )
    const interests = fc.uniqueArray(
      fc.record({
        id,
        ownerId: fc.constantFrom('me', ...personIds),
        label: text(100, true),
        category: fc.constantFrom(...INTEREST_CATEGORIES),
        note: text(1000),
        createdAt: timestamp
      }),
      byId
    )
    const challenges = belongsToSomeone((owner) =>
      fc.record({
        id,
        personId: owner,
        title: text(200, true),
        detail: text(5000),
        status: fc.constantFrom(...CHALLENGE_STATUSES),
        openedOn: day,
        closedOn: fc.oneof(fc.constant(''), day),
        createdAt: timestamp,
        updatedAt: timestamp
      })
    )
    return fc.record({ conversations, interests, challenges }).chain(({ conversations, interests, challenges }) => {
      const values = belongsToSomeone((owner) =>
        fc.record({
          id,
          personId: owner,
          challengeId: nullOr(challenges.map((c) => c.id)),
          kind: fc.constantFrom(...VALUE_KINDS),
          title: text(200, true),
          note: text(2000),
          date: day,
          createdAt: timestamp
        })
      )
      const followUps = belongsToSomeone((owner) =>
        fc.record({
          id,
          personId: owner,
          title: text(200, true),
          dueDate: day,
          direction: fc.constantFrom(...DIRECTIONS),
          conversationId: nullOr(conversations.map((c) => c.id)),
          completedOn: fc.option(day, { nil: null }),
          createdAt: timestamp,
          updatedAt: timestamp
        })
      )
      return fc.record({ values, followUps }).map(({ values, followUps }): Journal => ({
        schemaVersion: SCHEMA_VERSION,
        me: { name },
        people,
        conversations,
        interests,
        challenges,
        values,
        followUps
      }))
    })
  })

describe('export and import', () => {
  it('gives back an identical journal: export → import into an empty journal', async () => {
    const { journal: source, store: sourceStore } = await seeded()
    const exported = exportJournalJson(sourceStore.journal)
    // An export is the journal as stored, as one journal file, byte for byte.
    expect(exported).toBe(await storedText(source.file))

    const { journal: target, store } = await open()
    const result = await applyReplace(store, readJournalExport(exported), { now: LATER })
    expect(result.counts).toEqual({ people: 4, conversations: 4, interests: 6, challenges: 2, values: 1, followUps: 5 })
    expect(result.replaced).toEqual({
      people: 0,
      conversations: 0,
      interests: 0,
      challenges: 0,
      values: 0,
      followUps: 0
    })
    expect(serializeJournal(store.journal)).toBe(exported)
    expect(store.journal).toEqual(sourceStore.journal)
    expect(await storedText(target.file)).toBe(exported)
    await target.session.reopen()
    expect(target.session.store().journal).toEqual(sourceStore.journal)
  })

  it('gives back an identical journal when the export is merged into an empty journal, too', async () => {
    const { store: sourceStore } = await seeded()
    const { store } = await open()
    const { summary } = await mergeFile(store, Buffer.from(exportJournalJson(sourceStore.journal)))
    expect(summary.me).toBe('taken')
    expect(summary.people.added).toEqual(['Ana García', 'Kenji Watanabe', 'Priya Natarajan', 'Tomás Oliveira'])
    expect(serializeJournal(store.journal)).toBe(exportJournalJson(sourceStore.journal))
  })

  it('round-trips any valid journal exactly (property)', () => {
    fc.assert(
      fc.property(journalArbitrary, (generated) => {
        const journal = validateJournal(generated)
        // The generator makes journals the schema accepts as they are.
        expect(journal).toEqual(generated)
        const exported = exportJournalJson(journal)
        const back = readJournalExport(exported)
        expect(back).toEqual(journal)
        expect(exportJournalJson(back)).toBe(exported)
        expect(readJournalExport(new TextEncoder().encode(exported))).toEqual(journal)
      }),
      { numRuns: 150 }
    )
  })

  it('reads an export from an older Rapport, migrating it', async () => {
    const v1 = await readFile(join(import.meta.dirname, '..', 'fixtures', 'journal-v1.json'), 'utf8')
    const journal = readJournalExport(v1)
    expect(journal.schemaVersion).toBe(SCHEMA_VERSION)
    expect(journal.people.map((p) => [p.name, p.relationshipStyle.kind])).toEqual([
      ['Ana García', 'not-asked'],
      ['Kenji Watanabe', 'not-asked']
    ])
  })
})

describe('a file that is not a journal', () => {
  const cases: Array<[string, (exported: string) => string | Uint8Array, RegExp]> = [
    [
      'cut short',
      (exported) => exported.slice(0, Math.floor(exported.length / 2)),
      /^This file cannot be imported\. The file stops in the middle of the journal: it looks truncated\.$/
    ],
    [
      'another program’s JSON',
      () => '{ "name": "my-app", "version": "1.0.0" }\n',
      /^This file cannot be imported\. The file has no valid “schemaVersion”, so it is not a Rapport journal\.$/
    ],
    [
      'from a newer Rapport',
      (exported) => exported.replace(`"schemaVersion": ${SCHEMA_VERSION}`, `"schemaVersion": ${SCHEMA_VERSION + 1}`),
      new RegExp(`written by a newer Rapport \\(schema version ${SCHEMA_VERSION + 1}\\).*Update Rapport`)
    ],
    ['not JSON', () => 'name,company\nAna,Acme\n', /^This file cannot be imported\. The file is not valid JSON/],
    [
      'with a byte-order mark',
      (exported) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(exported)]),
      /byte-order mark/
    ],
    ['not UTF-8', () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /It is not UTF-8 text/],
    [
      'a journal with a broken reference',
      (exported) => exported.replace(/"personId": "[^"]+"/, '"personId": "nobody-at-all"'),
      /^This file cannot be imported\. The journal is not in the expected shape: .*not in the journal\.$/
    ]
  ]

  it.each(cases)('is refused when %s, changing nothing and writing no backup', async (_, make, message) => {
    const { journal, store } = await seeded()
    const before = await storedFilesHash(journal.file)
    const backups = await readdir(join(journal.dir, 'backups'))
    const change = vi.spyOn(store, 'change')
    const file = make(exportJournalJson(store.journal))
    expect(() => readJournalExport(file)).toThrow(TransferProblem)
    await expect(mergeFile(store, file)).rejects.toThrow(message)
    await expect(mergeFile(store, file)).rejects.toMatchObject({ code: 'invalid-input' })
    expect(change).not.toHaveBeenCalled()
    expect(await storedFilesHash(journal.file)).toBe(before)
    expect(await readdir(join(journal.dir, 'backups'))).toEqual(backups)
  })
})

/** The seeded journal as an export made elsewhere: some items edited there (newer or older), one added, one missing. */
function divergedCopy(current: Journal): Journal {
  const incoming = clone(current)
  const [ana, kenji, priya] = incoming.people as [
    Journal['people'][number],
    Journal['people'][number],
    Journal['people'][number]
  ]
  Object.assign(ana, { role: 'CEO', updatedAt: LATER.toISOString() })
  Object.assign(kenji, { company: 'An old name', updatedAt: new Date(2026, 0, 1).toISOString() })
  // Edited without a newer stamp: a tie keeps the journal's version.
  Object.assign(priya, { role: 'Edited elsewhere' })
  incoming.people = incoming.people.filter((p) => p.name !== 'Tomás Oliveira')
  incoming.people.push({ ...clone(current).people[3]!, id: 'lena-novak-0001', name: 'Lena Novák', company: 'Contoso' })
  incoming.conversations.push({
    ...clone(current).conversations[0]!,
    id: 'lena-call-0001',
    personIds: ['lena-novak-0001'],
    title: 'First call with Lena'
  })
  incoming.followUps.push({
    ...clone(current).followUps[0]!,
    id: 'lena-follow-0001',
    personId: 'lena-novak-0001',
    conversationId: 'lena-call-0001',
    title: 'Send Lena the deck'
  })
  const [first, second] = incoming.interests as [Journal['interests'][number], Journal['interests'][number]]
  // Interests have no updatedAt: the same createdAt keeps the journal's version, a newer one wins.
  first.note = 'Changed elsewhere'
  Object.assign(second, { note: 'Newer elsewhere', createdAt: LATER.toISOString() })
  incoming.me = { name: 'Someone else' }
  return validateJournal(incoming)
}

describe('merging a file into the journal', () => {
  it('previews exactly what will change: newer incoming wins, older is kept, new items are added', async () => {
    const { store } = await seeded()
    const plan = planMerge(store.journal, divergedCopy(store.journal))
    expect(plan.summary).toEqual({
      collections: {
        people: { added: 1, updated: 1, kept: 2, unchanged: 0 },
        conversations: { added: 1, updated: 0, kept: 0, unchanged: 4 },
        interests: { added: 0, updated: 1, kept: 1, unchanged: 4 },
        challenges: { added: 0, updated: 0, kept: 0, unchanged: 2 },
        values: { added: 0, updated: 0, kept: 0, unchanged: 1 },
        followUps: { added: 1, updated: 0, kept: 0, unchanged: 5 }
      },
      me: 'kept',
      people: { added: ['Lena Novák'], updated: ['Ana García'] },
      nothingToDo: false
    })
    expect(describeMerge(plan.summary)).toBe(
      '1 person added, 1 updated, 1 conversation added, 1 interest updated, 1 follow-up added, 3 entries left as they are because yours are as new or newer.'
    )
  })

  it('applies the merge in one durable append, keeping untouched items as they were and deleting nothing', async () => {
    const { journal, store } = await seeded()
    const before = store.journal
    const bytesBefore = Buffer.from(await storedText(journal.file))
    const plan = planMerge(before, divergedCopy(before))
    const change = vi.spyOn(store, 'change')
    const append = vi.spyOn(LogFile.prototype, 'append')
    const result = await applyMerge(store, plan, LATER)
    expect(change).toHaveBeenCalledTimes(1)
    expect(append).toHaveBeenCalledTimes(1)
    expect(result.summary).toEqual(plan.summary)

    const after = store.journal
    expect(after.people.map((p) => [p.name, p.role, p.company])).toEqual([
      ['Ana García', 'CEO', 'Acme Logistics'],
      ['Kenji Watanabe', 'Head of Procurement', 'Northwind Freight'],
      ['Priya Natarajan', 'VP Operations', 'Globex'],
      ['Tomás Oliveira', 'IT Director', 'Initech'],
      ['Lena Novák', 'IT Director', 'Contoso']
    ])
    expect(after.me).toBe(before.me)
    // Items the merge did not replace are the very same objects, and untouched lists the same arrays.
    expect(after.people.slice(1, 4).every((p, i) => p === before.people[i + 1])).toBe(true)
    expect(after.challenges).toBe(before.challenges)
    expect(after.values).toBe(before.values)
    expect(after.conversations.slice(0, 4).every((c, i) => c === before.conversations[i])).toBe(true)
    expect(after.interests.map((i) => i.note)).toEqual(
      before.interests.map((i, n) => (n === 1 ? 'Newer elsewhere' : i.note))
    )
    expect(after.followUps.at(-1)).toMatchObject({ title: 'Send Lena the deck', conversationId: 'lena-call-0001' })

    // The journal as it was, byte for byte, in a pre-restore backup; the file on disk is the merged journal.
    expect(await preRestoreBackups(journal.dir)).toEqual([result.backup])
    expect(await readFile(join(journal.dir, 'backups', result.backup!))).toEqual(bytesBefore)
    expect(await storedText(journal.file)).toBe(serializeJournal(after))
  })

  it('fills in your name from the file only when yours is empty', () => {
    const named = (name: string): Journal => ({ ...emptyJournal(), me: { name } })
    expect(planMerge(named(''), named('Sam Rivera'))).toMatchObject({
      summary: { me: 'taken', nothingToDo: false },
      next: { me: { name: 'Sam Rivera' } }
    })
    expect(planMerge(named('Alex'), named('Sam Rivera'))).toMatchObject({
      summary: { me: 'kept', nothingToDo: true },
      next: { me: { name: 'Alex' } }
    })
    expect(planMerge(named('Alex'), named(''))).toMatchObject({
      summary: { me: 'kept', nothingToDo: true },
      next: { me: { name: 'Alex' } }
    })
    expect(describeMerge(planMerge(named(''), named('Sam Rivera')).summary)).toBe('Your name filled in from the file.')
  })

  it('writes nothing, not even a backup, when the file holds nothing new', async () => {
    const { journal, store } = await seeded()
    const before = await storedFilesHash(journal.file)
    const change = vi.spyOn(store, 'change')
    const result = await mergeFile(store, exportJournalJson(store.journal))
    expect(result).toMatchObject({ backup: null, summary: { nothingToDo: true, people: { added: [], updated: [] } } })
    expect(describeMerge(result.summary)).toBe('Nothing to merge: your journal already has everything in this file.')
    expect(change).not.toHaveBeenCalled()
    expect(await storedFilesHash(journal.file)).toBe(before)
    expect(await preRestoreBackups(journal.dir)).toEqual([])
  })

  it('plans again when the journal changed after the preview, keeping what was done meanwhile', async () => {
    const { store, journal } = await seeded()
    const plan = planMerge(store.journal, divergedCopy(store.journal))
    const meanwhile = await journal.handlers.createPerson({ person: { name: 'Added meanwhile' } })
    const result = await applyMerge(store, plan, LATER)
    expect(result.summary.people).toEqual({ added: ['Lena Novák'], updated: ['Ana García'] })
    expect(store.journal.people.map((p) => p.name)).toEqual([
      'Ana García',
      'Kenji Watanabe',
      'Priya Natarajan',
      'Tomás Oliveira',
      'Added meanwhile',
      'Lena Novák'
    ])
    expect(store.journal.people[4]).toEqual(meanwhile)
  })

  it('refuses, before writing anything, a merge whose references would not resolve', async () => {
    const { journal, store } = await seeded()
    const before = await storedFilesHash(journal.file)
    // Only a hand-built journal can do this: a file read through readJournalExport has been checked whole.
    const incoming = clone(store.journal)
    incoming.followUps.push({
      ...incoming.followUps[0]!,
      id: 'dangling-follow-up',
      conversationId: 'no-such-conversation',
      title: 'Dangling'
    })
    await expect(applyMerge(store, planMerge(store.journal, incoming), LATER)).rejects.toThrow(
      'This file cannot be merged into your journal: The follow-up “Dangling” is linked to a conversation that is not in the journal. Nothing was changed.'
    )
    expect(await storedFilesHash(journal.file)).toBe(before)
    expect(await preRestoreBackups(journal.dir)).toEqual([])
  })

  it('merges any two valid journals into a valid one that holds every item of both (property)', () => {
    fc.assert(
      fc.property(journalArbitrary, journalArbitrary, (generatedCurrent, generatedIncoming) => {
        const current = validateJournal(generatedCurrent)
        const incoming = validateJournal(generatedIncoming)
        const { next, summary } = planMerge(current, incoming)
        expect(() => validateJournal(next)).not.toThrow()
        for (const collection of COLLECTIONS) {
          const mine = new Map(current[collection].map((item) => [item.id, item as object]))
          const theirs = new Map(incoming[collection].map((item) => [item.id, item as object]))
          const ids = next[collection].map((item) => item.id)
          expect(ids).toEqual([...mine.keys(), ...[...theirs.keys()].filter((key) => !mine.has(key))])
          const counts = summary.collections[collection]
          expect(counts.added).toBe([...theirs.keys()].filter((key) => !mine.has(key)).length)
          expect(counts.updated + counts.kept + counts.unchanged).toBe(
            [...theirs.keys()].filter((key) => mine.has(key)).length
          )
          for (const item of next[collection]) {
            const chosen =
              mine.has(item.id) && item === mine.get(item.id)
                ? 'mine'
                : item === theirs.get(item.id)
                  ? 'theirs'
                  : 'neither'
            expect(chosen).not.toBe('neither')
            if (chosen === 'theirs' && mine.has(item.id)) {
              const stamp = (x: object) =>
                ('updatedAt' in x ? x.updatedAt : (x as { createdAt: string }).createdAt) as string
              expect(compareInstants(stamp(item), stamp(mine.get(item.id)!))).toBeGreaterThan(0)
            }
          }
        }
        // Merging the same file again changes nothing; merging into an empty journal gives the file.
        expect(planMerge(next, incoming).summary.nothingToDo).toBe(true)
        expect(serializeJournal(planMerge(emptyJournal(), incoming).next)).toBe(exportJournalJson(incoming))
      }),
      { numRuns: 150 }
    )
  })
})

describe('replacing the journal with a file', () => {
  it('refuses to replace a journal that holds anything unless forced', async () => {
    const { journal, store } = await seeded()
    const before = await storedFilesHash(journal.file)
    const incoming = readJournalExport(exportJournalJson(emptyJournal()))
    const refusal =
      'Your journal is not empty: it holds 4 people, 4 conversations, 6 interests, 2 challenges, 1 value you brought, 5 follow-ups and your name (Sam Rivera). Replacing it would remove all of that (a backup is saved first). Merge the file instead, or confirm that you want to replace the journal.'
    expect(() => planReplace(store.journal, incoming)).toThrow(refusal)
    await expect(applyReplace(store, incoming, { now: LATER })).rejects.toThrow(refusal)
    expect(await storedFilesHash(journal.file)).toBe(before)
    expect(await preRestoreBackups(journal.dir)).toEqual([])
    expect(() => planReplace({ ...emptyJournal(), me: { name: 'Sam' } }, incoming)).toThrow('it holds your name (Sam).')
  })

  it('replaces everything when forced, in one durable append, after a backup of the exact previous bytes', async () => {
    const { journal, store } = await seeded()
    const bytesBefore = Buffer.from(await storedText(journal.file))
    const incoming = readJournalExport(exportJournalJson({ ...emptyJournal(), me: { name: 'Fresh start' } }))
    const change = vi.spyOn(store, 'change')
    const append = vi.spyOn(LogFile.prototype, 'append')
    const result = await applyReplace(store, incoming, { force: true, now: LATER })
    expect(change).toHaveBeenCalledTimes(1)
    expect(append).toHaveBeenCalledTimes(1)
    expect(result.replaced).toEqual({
      people: 4,
      conversations: 4,
      interests: 6,
      challenges: 2,
      values: 1,
      followUps: 5
    })
    expect(store.journal).toEqual(incoming)
    expect(await readFile(join(journal.dir, 'backups', result.backup))).toEqual(bytesBefore)
    expect(await preRestoreBackups(journal.dir)).toEqual([result.backup])
  })
})

describe('comparing timestamps', () => {
  it.each([
    ['2026-01-01T10:00:00.000Z', '2026-01-01T11:00:00+02:00', 1],
    ['2026-01-01T10:00:00Z', '2026-01-01T10:00:00.000Z', 0],
    ['2026-01-01T10:00:00.0000001Z', '2026-01-01T10:00:00Z', 1],
    ['2026-01-01 05:00:00 -0530', '2026-01-01T10:30:00Z', 0],
    ['1999-12-31T23:59:59Z', '2000-01-01T00:00:00Z', -1]
  ])('orders %s against %s by the instant they name', (a, b, sign) => {
    expect(Math.sign(compareInstants(a, b))).toBe(sign)
  })
})
