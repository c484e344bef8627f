/**
 * The search index saved beside the journal on closing: the next launch uses it instead of rebuilding, it
 * carries every change made before closing, and anything that makes it doubtful (the journal changed behind
 * Rapport's back, a damaged file) means a rebuild — never a wrong or failed search.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeIndex, encodeIndex, savedIndexJournal, savedIndexPath } from '../../src/core/search/saved-index.ts'
import { SearchIndex } from '../../src/core/search/search-index.ts'
import { sha256 } from '../../src/core/journal/file-hash.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { indexWasSaved } from '../support/index-origin.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const now = new Date(2026, 10, 23, 10)
let dir: string
let journal: TempJournal

beforeEach(async () => {
  dir = await makeTempDir()
  journal = await openTempJournal(dir, () => now)
  await seedJournal(journal.handlers, now)
})
afterEach(() => journal.dispose())

/** Closes and opens the journal again, as quitting and launching Rapport does; says whether it rebuilt. */
async function relaunch(): Promise<{ rebuilt: boolean }> {
  await journal.session.close()
  const build = vi.spyOn(SearchIndex, 'build')
  journal = await openTempJournal(dir, () => now)
  const rebuilt = build.mock.calls.length > 0
  build.mockRestore()
  return { rebuilt }
}

const hitTitles = async (text: string) =>
  (await journal.handlers.search({ query: { text } })).groups.flatMap((g) => g.hits.map((h) => h.title))

describe('the saved search index', () => {
  it('is written on closing and used on the next launch, with the same results', async () => {
    const before = await journal.handlers.search({ query: { text: 'carrier invoices' } })
    expect(await relaunch()).toEqual({ rebuilt: false })
    const after = await journal.handlers.search({ query: { text: 'carrier invoices' } })
    expect(after.groups).toEqual(before.groups)
    expect(await hitTitles('garsia')).toContain('Ana García')
  })

  it('carries edits, new entries and deletions made before closing', async () => {
    const ana = (await journal.handlers.search({ query: { text: 'Ana García' } })).groups[0]!
    const discovery = (await journal.handlers.search({ query: { text: 'Discovery meeting' } })).groups[0]!.hits[0]!
    await journal.handlers.logConversation({
      conversation: {
        personIds: [ana.personId],
        date: now.toISOString(),
        channel: 'call',
        title: 'Warehouse walkthrough',
        body: 'Forklift telemetry came up.'
      },
      followUps: []
    })
    await journal.handlers.deleteConversation({ id: discovery.id })
    expect(await relaunch()).toEqual({ rebuilt: false })
    expect(await hitTitles('forklift telemetry')).toContain('Warehouse walkthrough')
    expect(await hitTitles('Discovery meeting')).not.toContain('Discovery meeting at Acme HQ')
  })

  it('keeps no words of entries deleted before closing', async () => {
    const ana = (await journal.handlers.search({ query: { text: 'Ana García' } })).groups[0]!
    const { conversation } = await journal.handlers.logConversation({
      conversation: {
        personIds: [ana.personId],
        date: now.toISOString(),
        channel: 'call',
        title: 'Private aside',
        body: 'Mentioned her xylophonist brother.'
      },
      followUps: []
    })
    await journal.handlers.deleteConversation({ id: conversation.id })
    await relaunch()
    expect((await readFile(savedIndexPath(journal.file))).includes('xylophonist')).toBe(false)
    expect(await hitTitles('xylophonist')).toEqual([])
    expect(await hitTitles('carrier invoices')).toContain('Discovery meeting at Acme HQ')
  })

  it('is not used when the journal was changed while Rapport was closed', async () => {
    await journal.session.close()
    const text = await readFile(journal.file, 'utf8')
    await writeFile(journal.file, text.replace('Discovery meeting at Acme HQ', 'Kickoff on the loading dock'))
    const build = vi.spyOn(SearchIndex, 'build')
    journal = await openTempJournal(dir, () => now)
    expect(build).toHaveBeenCalled()
    build.mockRestore()
    expect(await hitTitles('loading dock')).toContain('Kickoff on the loading dock')
  })

  it.each([
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
    [
      'with one byte changed',
      (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.length - 3 ? b ^ 0xff : b)))
    ],
    ['not an index at all', () => Buffer.from('{"hello": "world"}')],
    ['empty', () => Buffer.alloc(0)]
  ])('is rebuilt, and search works, when the saved file is %s', async (_, damage) => {
    await journal.session.close()
    const path = savedIndexPath(journal.file)
    await writeFile(path, damage(await readFile(path)))
    const build = vi.spyOn(SearchIndex, 'build')
    journal = await openTempJournal(dir, () => now)
    expect(build).toHaveBeenCalled()
    build.mockRestore()
    expect(await hitTitles('carrier invoices')).toContain('Discovery meeting at Acme HQ')
    // The damaged copy is replaced on the next close.
    expect(await relaunch()).toEqual({ rebuilt: false })
  })
})

describe('the saved index format', () => {
  it('belongs to one journal file: another file hash is refused', () => {
    const index = journal.session.index()
    const bytes = encodeIndex(index.snapshot(), sha256('one journal'))
    expect(decodeIndex(bytes, sha256('one journal'))).not.toBeNull()
    expect(decodeIndex(bytes, sha256('another journal'))).toBeNull()
  })

  it('names the journal position it was made from (snapshot hash, last change) in its first bytes, for a launch to peek at', async () => {
    expect(await savedIndexJournal(journal.file)).toBeNull()
    expect(indexWasSaved(journal.session)).toBe(false)
    const lastChange = journal.session.store().lastSeq
    await journal.session.close()
    expect(await savedIndexJournal(journal.file)).toBe(`${sha256(await readFile(journal.file))}+${lastChange}`)
    journal = await openTempJournal(dir, () => now)
    expect(indexWasSaved(journal.session)).toBe(true)
    await writeFile(savedIndexPath(journal.file), '{"journal": "not an index"}')
    expect(await savedIndexJournal(journal.file)).toBeNull()
  })

  it('does not fit a journal with other items, even under the right hash', () => {
    const index = journal.session.index()
    const snapshot = decodeIndex(encodeIndex(index.snapshot(), 'h'), 'h')!
    const store = journal.session.store()
    const fewer = { ...store.journal, conversations: store.journal.conversations.slice(1) }
    expect(SearchIndex.fromSnapshot(store.journal, snapshot)).not.toBeNull()
    expect(SearchIndex.fromSnapshot(fewer, snapshot)).toBeNull()
  })
})

describe('a launch that trusts the snapshot its saved index names', () => {
  it('skips no check on a snapshot changed by hand after the index was saved', async () => {
    await journal.session.close()
    // Still JSON and still the same length, but a name no journal may hold (empty): only validation sees it.
    const text = await readFile(journal.file, 'utf8')
    const name = (JSON.parse(text) as { people: Array<{ name: string }> }).people[0]!.name
    await writeFile(journal.file, text.replace(`"name": "${name}"`, `"name": ""`))
    journal = await openTempJournal(dir, () => now)
    expect(await journal.session.status()).toMatchObject({
      state: 'unreadable',
      problem: expect.stringMatching(/^The journal is not in the expected shape: /)
    })
  })

  it('takes no snapshot on trust from an index saved under other rules (another build of Rapport)', async () => {
    await journal.session.close()
    const path = savedIndexPath(journal.file)
    const saved = await readFile(path)
    expect(await savedIndexJournal(journal.file)).not.toBeNull()
    // The rules fingerprint follows the journal position in the header; any other value is another build's.
    const at = saved.indexOf('"rules":"') + '"rules":"'.length
    saved.write(saved[at] === 0x30 ? '1' : '0', at, 'latin1')
    await writeFile(path, saved)
    expect(await savedIndexJournal(journal.file)).toBeNull()
    expect(await relaunch()).toEqual({ rebuilt: true })
  })
})
