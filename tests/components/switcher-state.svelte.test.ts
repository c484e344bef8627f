/**
 * The quick switcher asks on every keystroke, and answers can come back in any order (a short prefix
 * matches more and takes longer than the word it grows into). Stale answers must never overwrite newer ones.
 */
import { flushSync } from 'svelte'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SwitcherState } from '../../src/renderer/src/state/switcher.svelte.ts'
import type { RapportBridge } from '../../src/shared/api.ts'
import type { ApiResult } from '../../src/shared/errors.ts'
import type { SearchQuery, SearchResponse } from '../../src/shared/search.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal

beforeEach(async () => {
  journal = await openTempJournal()
  await seedJournal(journal.handlers, new Date())
})
afterEach(async () => {
  await journal.dispose()
})

type Answer = ApiResult<SearchResponse>

/** The real journal's answers, held back until the test lets each one go. */
function heldBridge(): { bridge: RapportBridge; held: Map<string, (answer?: Answer) => void> } {
  const held = new Map<string, (answer?: Answer) => void>()
  const search = async ({ query }: { query: SearchQuery }): Promise<Answer> => {
    const real = await journal.bridge.search({ query })
    return new Promise((resolve) => held.set(query.text, (answer) => resolve(answer ?? real)))
  }
  return { bridge: { ...journal.bridge, search }, held }
}

/** Lets `text`'s answer go (the real one, or `instead`) once it was asked, and waits for `typed` to take it in. */
async function answer(
  held: Map<string, (answer?: Answer) => void>,
  text: string,
  typed: Promise<void>,
  instead?: Answer
): Promise<void> {
  await expect.poll(() => held.has(text)).toBe(true)
  held.get(text)!(instead)
  await typed
  flushSync()
}

const names = (state: SwitcherState) => state.groups.map((g) => g.personName)
/** An answer that is plainly not the newest: nobody found. */
const NOBODY: Answer = { ok: true, value: { groups: [], tookMs: 0 } }

describe('the quick switcher', () => {
  it('shows the answer to the newest question when older answers arrive after it', async () => {
    const { bridge, held } = heldBridge()
    const state = new SwitcherState(bridge)
    const [k, ke, ken] = ['k', 'ke', 'ken'].map((text) => state.type(text))
    expect(state.pending).toBe(true)

    await answer(held, 'ken', ken!)
    expect(names(state)).toEqual(['Kenji Watanabe', 'Ana García'])
    expect(state.pending).toBe(false)

    // The older questions' answers, arriving late, must change nothing.
    await answer(held, 'k', k!, NOBODY)
    await answer(held, 'ke', ke!, NOBODY)
    expect(names(state)).toEqual(['Kenji Watanabe', 'Ana García'])
    expect(state.text).toBe('ken')
    expect(state.pending).toBe(false)
  })

  it('stays pending while only older answers have come, and drops a stale error', async () => {
    const { bridge, held } = heldBridge()
    const state = new SwitcherState(bridge)
    const ana = state.type('ana')
    const anaG = state.type('ana g')
    const failed: Answer = { ok: false, error: { code: 'internal', message: 'Something went wrong' } }
    await answer(held, 'ana', ana, failed)
    expect(state.pending).toBe(true)
    expect(state.error).toBe('')
    expect(state.groups).toEqual([])

    await answer(held, 'ana g', anaG)
    expect(state.pending).toBe(false)
    expect(names(state)[0]).toBe('Ana García')
  })

  it('clears at once when the box is emptied, and a late answer does not bring results back', async () => {
    const { bridge, held } = heldBridge()
    const state = new SwitcherState(bridge)
    const priya = state.type('priya')
    await state.type('')
    expect(state.pending).toBe(false)
    await answer(held, 'priya', priya)
    expect(state.groups).toEqual([])
  })

  it('sums up the newest answer for a screen reader: people and matches, or no match, nothing before a question', async () => {
    const state = new SwitcherState(journal.bridge)
    expect(state.summary).toBe('')
    await state.type('Ana')
    flushSync()
    const people = state.groups.length
    const matches = state.groups.reduce((sum, group) => sum + group.hits.length, 0)
    expect(people).toBeGreaterThan(0)
    expect(state.summary).toBe(
      `${people} ${people === 1 ? 'person' : 'people'}, ${matches} ${matches === 1 ? 'match' : 'matches'}`
    )
    await state.type('zzqx')
    flushSync()
    expect(state.summary).toBe('No match')
    await state.type('')
    flushSync()
    expect(state.summary).toBe('')
  })
})
