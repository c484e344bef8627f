/**
 * The head start: a worker tokenises part of a journal's notes from the parsed file while the file is still
 * being validated. Its work is used only when the validated journal has exactly the same texts; either way
 * the index must be the one a plain build makes.
 */
import { describe, expect, it } from 'vitest'
import { generateJournal, SIZES } from '../../bench/generate.ts'
import { makeQueries } from '../../bench/queries.ts'
import { Random } from '../../bench/random.ts'
import { serializeJournal } from '../../src/main/core/durable-json-file.ts'
import { validateJournal } from '../../src/main/core/journal-text.ts'
import { documentsOf } from '../../src/main/core/search/documents.ts'
import { madeFrom, startHeadStart } from '../../src/main/core/search/head-start.ts'
import { SearchIndex } from '../../src/main/core/search/search-index.ts'
import type { Journal } from '../../src/shared/schema/journal.ts'

const now = new Date(2026, 10, 23, 10)
// 6 MB of notes: below the size where the app starts a worker, so the tests ask for one from 1 MB.
const FROM_CHARS = 1_000_000
const { journal: generated } = generateJournal(SIZES.S, now)
const fileText = serializeJournal(generated)

function sameResults(a: SearchIndex, b: SearchIndex, journal: Journal): void {
  expect(a.size).toEqual(b.size)
  for (const text of makeQueries(journal, new Random(5), 40)) {
    const ids = (index: SearchIndex) => index.search({ text }, now).groups.map((g) => [g.personId, g.hits.map((h) => h.id)])
    expect(ids(a), text).toEqual(ids(b))
  }
}

describe('the head start on the index', () => {
  it('is used when validation leaves the texts as they were, and gives the index a plain build gives', async () => {
    const contents: unknown = JSON.parse(fileText)
    const start = startHeadStart(contents, FROM_CHARS)!
    expect(start).not.toBeNull()
    const journal = validateJournal(contents)
    const [heads, bodies] = [[] as string[], [] as string[]]
    for (const doc of documentsOf(journal)) {
      heads.push(doc.head)
      bodies.push(doc.body)
    }
    expect(madeFrom(start, heads, bodies)).toBe(true)
    const index = await SearchIndex.build(journal, { headStart: start })
    expect(await start.part).not.toBeNull()
    sameResults(index, SearchIndex.buildSync(journal), journal)
  }, 60_000)

  it('is dropped, and the worker stopped, when validation changes a text; the index is still right', async () => {
    const contents = JSON.parse(fileText) as { people: Array<{ name: string }> }
    contents.people[0]!.name = `  ${contents.people[0]!.name}  `
    const start = startHeadStart(contents, FROM_CHARS)!
    const journal = validateJournal(contents)
    expect(journal.people[0]!.name).toBe(generated.people[0]!.name)
    const index = await SearchIndex.build(journal, { headStart: start })
    expect(await start.part).toBeNull()
    sameResults(index, SearchIndex.buildSync(journal), journal)
    expect(index.search({ text: generated.people[0]!.name }, now).groups.map((g) => g.personId)).toContain(generated.people[0]!.id)
  }, 60_000)

  it('is not started for contents that are not a journal, or for a small one', () => {
    for (const contents of [null, 42, 'journal', {}, { people: 'Ana' }, { people: [{ name: 'Ana' }] }, { people: [], conversations: [{ title: 'x', body: 5 }], interests: [], challenges: [], followUps: [] }]) {
      expect(startHeadStart(contents, 0)).toBeNull()
    }
    expect(startHeadStart(JSON.parse(fileText))).toBeNull()
  })
})
