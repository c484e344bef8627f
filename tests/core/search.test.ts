import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import type { SearchQuery, SearchResponse } from '../../src/shared/search.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const now = new Date(2026, 10, 23, 10)
let journal: TempJournal
let api: Handlers

beforeAll(async () => {
  journal = await openTempJournal(undefined, () => now)
  api = journal.handlers
  await seedJournal(api, now)
  // Look-alike names, so ranking has to choose.
  await api.createPerson({ person: { name: 'Anabel Garcés', company: 'Umbrella', role: 'Buyer' } })
  await api.createPerson({ person: { name: 'Dana Kowalski', company: 'Acme Logistics', role: 'Controller' } })
})
afterAll(() => journal.dispose())

const search = (text: string, filters: Omit<SearchQuery, 'text'> = {}) => api.search({ query: { text, ...filters } })
const top = (r: SearchResponse) => r.groups[0]?.personName
const titles = (r: SearchResponse) => r.groups.flatMap((g) => g.hits.map((h) => `${h.kind}:${h.title}`))

describe('search ranking on a fixed journal', () => {
  it.each([
    ['Ana García', 'Ana García'],
    ['ana garsia', 'Ana García'], // one typo in a word of 5+ letters
    ['garcai', 'Ana García'], // two letters swapped
    ['Natarjan', 'Priya Natarajan'],
    ['kenj', 'Kenji Watanabe'], // prefix while typing
    ['Watanabe', 'Kenji Watanabe'],
    ['Northwind', 'Kenji Watanabe'], // company
    ['sourdough', 'Ana García'], // interest
    ['trail runing', 'Priya Natarajan'], // interest with a typo
    ['NDA', 'Kenji Watanabe'], // follow-up
    ['reconciliation playbook', 'Ana García'], // words from a follow-up title
    ['carrier invoices', 'Ana García'], // words deep in a conversation body
    ['that pricing thing in november', 'Ana García'] // small words ignored, the month is a hint
  ])('finds %s → %s first', async (query, person) => {
    expect(top(await search(query))).toBe(person)
  })

  it('ranks a name match above a body mention', async () => {
    // "Kenji" is in Ana's profile ("Introduced by Kenji"), but Kenji is the person.
    const r = await search('Kenji')
    expect(r.groups.map((g) => g.personName).slice(0, 2)).toEqual(['Kenji Watanabe', 'Ana García'])
  })

  it('does not match a typo in a short word', async () => {
    // "nsa" is one edit from "nda" but only three letters long.
    expect((await search('nsa ')).groups).toEqual([])
  })

  it('groups hits by person, with the matched words marked in the title and snippet', async () => {
    const r = await search('reconciliation')
    const ana = r.groups.find((g) => g.personName === 'Ana García')!
    const hit = ana.hits.find((h) => h.kind === 'challenge')!
    expect(hit.title).toBe('Month-end close takes ten days')
    expect(hit.snippetMarks.map(([s, e]) => hit.snippet.slice(s, e).toLowerCase())).toEqual(['reconciliation'])
    const conversation = ana.hits.find((h) => h.kind === 'conversation')!
    expect(conversation.snippet).toContain('reconciliation')
  })

  it('ranks recent entries above old ones when both match', async () => {
    const ana = (await search('pricing')).groups[0]!
    expect(ana.hits[0]!.day! >= ana.hits.at(-1)!.day!).toBe(true)
  })

  it('filters by channel, date range, tag and open follow-ups', async () => {
    expect(titles(await search('carrier', { channel: 'meeting' }))).toEqual([
      'conversation:Discovery meeting at Acme HQ'
    ])
    expect(titles(await search('send', { openFollowUpsOnly: true }))).toEqual([
      'followUp:Send two pricing options',
      'followUp:Send trail race photos'
    ])
    expect(titles(await search('pricing', { from: '2026-11-22', to: '2026-11-22' }))).toEqual([
      'conversation:Pricing for the Q1 renewal'
    ])
    expect((await search('acme', { tag: 'champion' })).groups.map((g) => g.personName)).toEqual(['Ana García'])
  })
})

describe('keeping the index current', () => {
  it('finds an edit, a delete and an undo at once', async () => {
    const ana = (await search('Ana García')).groups[0]!
    await api.updatePerson({ id: ana.personId, patch: { company: 'Zephyr Shipping' } })
    expect(top(await search('Zephyr'))).toBe('Ana García')
    expect((await search('Zephyr')).groups[0]!.company).toBe('Zephyr Shipping')

    const removed = await api.deletePerson({ id: ana.personId })
    expect((await search('sourdough')).groups).toEqual([])
    expect((await search('Zephyr')).groups).toEqual([])

    await api.undoDelete({ removed })
    expect(top(await search('sourdough'))).toBe('Ana García')
    expect(top(await search('carrier invoices'))).toBe('Ana García')
  })

  it('finds a conversation as soon as it is logged, and not after it is deleted', async () => {
    const kenji = (await search('Kenji')).groups[0]!
    const logged = await api.logConversation({
      conversation: {
        personIds: [kenji.personId],
        date: now.toISOString(),
        channel: 'call',
        title: 'Rate review',
        body: 'Talked about the hovercraft pilot.'
      },
      followUps: []
    })
    expect(titles(await search('hovercraft'))).toEqual(['conversation:Rate review'])
    await api.deleteConversation({ id: logged.conversation.id })
    expect((await search('hovercraft')).groups).toEqual([])
  })
})
