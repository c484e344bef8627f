/**
 * The brief's rules, one by one, on the failures a seller saw on a realistic journal: boundaries that
 * vanished past the seventh point, a year-old promise leading, templates that lower-cased and spliced titles,
 * an opener about a team that had just lost, and news in the latest notes that never reached the brief.
 */
import { describe, expect, it } from 'vitest'
import { briefText } from '../../src/cli/brief-text.ts'
import { formatDayAs } from '../../src/shared/day-format.ts'
import { day, interest, journalOnDay, note, owes, personWith } from '../support/brief-fixtures.ts'

const { api } = journalOnDay()

describe('before you dial', () => {
  it('keeps the boundaries whole, however many commitments are open', async () => {
    const id = await personWith(api(), {
      name: 'Grace Okafor',
      company: 'Harbour Foods',
      boundaries: 'Never talk shop at the gym.\nNo calls on Fridays after 3pm.'
    })
    for (let i = 0; i < 9; i++)
      await owes(api(), id, `Send revised quote v${i + 1}`, i - 3, i % 2 ? 'i-owe' : 'they-owe')
    const brief = await api().getBrief({ id })
    expect(brief.talkingPoints).toHaveLength(7)
    expect(brief.beforeYouDial.boundaries).toBe('Never talk shop at the gym.\nNo calls on Fridays after 3pm.')
    const text = briefText(brief)
    expect(text.indexOf('Before you dial')).toBeLessThan(text.indexOf('Talking points'))
    expect(text).toContain('  Boundaries: Never talk shop at the gym.\n  No calls on Fridays after 3pm.')
  })

  it('says so when no boundaries are noted, rather than leaving the line out', async () => {
    const id = await personWith(api(), { name: 'Lars Nilsson' })
    expect(briefText(await api().getBrief({ id }))).toContain('  Boundaries: none noted')
  })

  it('tells a transactional person’s brief to keep it short, with no small-talk openers', async () => {
    await interest(api(), 'me', 'Cycling')
    const id = await personWith(api(), {
      name: 'Dieter Brandt',
      company: 'Kühne Spedition',
      relationshipStyle: { kind: 'transactional', askedOn: day(-30), theirWords: 'Numbers first, please.' }
    })
    await interest(api(), id, 'Cycling')
    await note(
      api(),
      id,
      5,
      'Rate review',
      'He rode the Tour de Cycling sportive again. Wants rates per pallet by Friday.'
    )
    const brief = await api().getBrief({ id })
    expect(brief.talkingPoints[0]).toMatchObject({
      kind: 'style-transactional',
      text: 'Keep it short and bring the numbers · no small talk'
    })
    expect(brief.talkingPoints.map((p) => p.kind)).not.toContain('interest-recent')
    expect(brief.talkingPoints.map((p) => p.kind)).not.toContain('interest-common')
    expect(brief.beforeYouDial.style.text).toBe(`Prefers transactional: “Numbers first, please.” (asked ${day(-30)})`)
  })
})

describe('commitments ranked by what matters now', () => {
  async function stalePromises() {
    const id = await personWith(api(), { name: 'Marta Ibáñez', company: 'Transportes Ibáñez' })
    await owes(api(), id, 'Send recording and slides', -401, 'i-owe')
    await owes(api(), id, 'Revised SOW with the pallet rates', -20, 'i-owe')
    await owes(api(), id, 'NDA back from legal', -78, 'they-owe')
    await owes(api(), id, 'Usage figures for October', -40, 'they-owe')
    await owes(api(), id, 'Signed order form', 0, 'they-owe')
    await owes(api(), id, 'Proposal deck', 4, 'i-owe')
    await owes(api(), id, 'Reference call with their CIO', 30, 'they-owe')
    return id
  }

  it('puts what is due now first and folds items more than 60 days late into one line', async () => {
    const brief = await api().getBrief({ id: await stalePromises() })
    const { now, later, older, olderText } = brief.commitments
    expect(now.map((f) => f.text)).toEqual([
      'They owe you: “Signed order form” · due today',
      'You owe them: “Proposal deck” · due 2026-12-06',
      'You owe them: “Revised SOW with the pallet rates” · 20 days late',
      'They owe you: “Usage figures for October” · 40 days late'
    ])
    expect(later.map((f) => f.title)).toEqual(['Reference call with their CIO'])
    expect(older.map((f) => f.title)).toEqual(['NDA back from legal', 'Send recording and slides'])
    expect(olderText).toBe('2 older open items (more than 60 days late)')
    expect(brief.talkingPoints[0]!.text).toBe('They owe you: “Signed order form” · due today')
    expect(brief.talkingPoints.map((p) => p.text).join('\n')).not.toContain('Send recording and slides')
    const text = briefText(brief)
    expect(text).toContain('  - 2 older open items (more than 60 days late)')
    expect(text).not.toContain('Send recording and slides')
  })

  it('flags lateness the same way whichever way the promise goes', async () => {
    const brief = await api().getBrief({ id: await stalePromises() })
    const late = brief.commitments.now.filter((f) => f.daysLate > 0)
    expect(late.map((f) => [f.direction, f.status])).toEqual([
      ['i-owe', '20 days late'],
      ['they-owe', '40 days late']
    ])
  })

  it('writes due dates in the date format chosen in Settings', async () => {
    const id = await stalePromises()
    await api().updateSettings({ patch: { dateFormat: 'day-month-year' } })
    const deck = (await api().getBrief({ id })).commitments.now.find((f) => f.title === 'Proposal deck')
    expect(deck?.text).toBe('You owe them: “Proposal deck” · due 06/12/2026')
    await api().updateSettings({ patch: { dateFormat: 'system' } })
    const system = (await api().getBrief({ id })).commitments.now.find((f) => f.title === 'Proposal deck')
    expect(system?.status).toBe(`due ${formatDayAs('2026-12-06', 'system')}`)
  })

  it('says “due tomorrow” and “1 day late”', async () => {
    const id = await personWith(api(), { name: 'Yuki Tanaka' })
    await owes(api(), id, 'Pilot feedback', 1, 'they-owe')
    await owes(api(), id, 'Case study draft', -1, 'i-owe')
    expect((await api().getBrief({ id })).commitments.now.map((f) => f.status)).toEqual(['1 day late', 'due tomorrow'])
  })
})
