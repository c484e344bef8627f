/**
 * Postings are stored as 16-bit gaps with an escape for longer jumps: a journal with more documents than
 * 16 bits can number must still find words at both ends, after a full build and after incremental changes.
 */
import { describe, expect, it } from 'vitest'
import { emptyJournal } from '../../src/shared/schema/journal.ts'
import { defaultProfile } from '../../src/shared/schema/person.ts'
import type { FollowUp } from '../../src/shared/schema/follow-up.ts'
import type { Journal } from '../../src/shared/schema/journal.ts'
import { SearchIndex } from '../../src/core/search/search-index.ts'
import { Postings } from '../../src/core/search/postings.ts'

const now = new Date(2026, 10, 23, 10)
const COUNT = 70_000

function followUp(n: number, title: string): FollowUp {
  return {
    id: `fu-${n}`,
    personId: 'p-1',
    title,
    dueDate: '2026-11-30',
    direction: 'i-owe',
    conversationId: null,
    completedOn: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString()
  }
}

function largeJournal(): Journal {
  const journal = emptyJournal()
  journal.people.push({
    ...defaultProfile(),
    id: 'p-1',
    name: 'Ines Okafor',
    company: 'Kestrel',
    role: 'Buyer',
    tags: [],
    cadenceDays: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString()
  })
  for (let n = 0; n < COUNT; n++) {
    const title =
      n === 0 || n === COUNT - 1 ? `Send zebrafinch report ${n}` : n === 40_000 ? 'Adopt a pangolin' : `Call back ${n}`
    journal.followUps.push(followUp(n, title))
  }
  return journal
}

const hitIds = (index: SearchIndex, text: string) =>
  index
    .search({ text, limit: 5 }, now)
    .groups.flatMap((g) => g.hits.map((h) => h.id))
    .sort()

describe('a journal of more than 65,535 documents', () => {
  it('finds words in the first and the last document', () => {
    const index = SearchIndex.build(largeJournal())
    expect(index.size.docs).toBe(COUNT + 1) // and the person
    expect(hitIds(index, 'zebrafinch')).toEqual([`fu-${COUNT - 1}`, 'fu-0'].sort())
  })

  it('finds a word added far from its last document, and forgets a removed one', () => {
    const journal = largeJournal()
    const index = SearchIndex.build(journal)
    // A new word in the first follow-up, then the same word in a new one 70,000 documents on.
    const first = { ...journal.followUps[0]!, title: 'Send quokka report' }
    const added = followUp(COUNT, 'Quokka photos for the kids')
    const next = { ...journal, followUps: [first, ...journal.followUps.slice(1), added] }
    index.update(next)
    expect(hitIds(index, 'quokka')).toEqual([`fu-${COUNT}`, 'fu-0'].sort())
    expect(hitIds(index, 'zebrafinch')).toEqual([`fu-${COUNT - 1}`])
    index.update({ ...next, followUps: next.followUps.slice(1) })
    expect(hitIds(index, 'quokka')).toEqual([`fu-${COUNT}`])
  })
})

describe('compaction', () => {
  it('drops deleted documents and their words once many have died, and keeps finding the rest', () => {
    const journal = largeJournal()
    const index = SearchIndex.build(journal)
    const words = index.size.words
    // Keep the first and last 10,000: 50,000 deaths, well past a quarter of the index.
    const kept = [...journal.followUps.slice(0, 10_000), ...journal.followUps.slice(-10_000)]
    index.update({ ...journal, followUps: kept })
    expect(index.size.docs).toBe(20_001)
    expect(index.size.words).toBeLessThan(words)
    expect(hitIds(index, 'zebrafinch')).toEqual([`fu-${COUNT - 1}`, 'fu-0'].sort())
    expect(hitIds(index, 'pangolin')).toEqual([])
    expect(index.search({ text: 'back 65000' }, now).groups[0]!.hits[0]!.id).toBe('fu-65000')
    const added = followUp(COUNT, 'Zebrafinch feeder')
    index.update({ ...journal, followUps: [...kept, added] })
    expect(hitIds(index, 'zebrafinch')).toEqual([`fu-${COUNT - 1}`, `fu-${COUNT}`, 'fu-0'].sort())
  })
})

describe('postings', () => {
  it('keep every document, whatever the gaps between them', () => {
    const ids = [0, 1, 2, 65_534, 65_535, 65_536, 131_071, 131_072, 4_000_000, 4_000_001]
    const list = new Postings()
    for (const id of ids) list.push(id)
    expect(list.length).toBe(ids.length)
    expect(list.toArray()).toEqual(ids)
  })
})
