/**
 * Points that read as written by a person: every rule that shows the user's words quotes them or puts them
 * after a label, exactly as typed. Run over titles that start with an acronym, a name, a verb and a noun —
 * the shapes that came out as "They said they would nDA back from legal".
 */
import { describe, expect, it } from 'vitest'
import type { Brief } from '../../src/shared/pre-call-brief.ts'
import { briefText } from '../../src/cli/brief-text.ts'
import { day, interest, journalOnDay, note, owes, personWith } from '../support/brief-fixtures.ts'

const { api } = journalOnDay()

const TITLES = {
  acronym: ['NDA back from legal', 'SOW for phase 2', 'iPhone fleet quote', 'EBITDA bridge for the board'],
  name: ['Marta to confirm the tender date', 'Óscar’s intro to procurement', 'O’Brien Logistics references'],
  verb: ['Intro to the Vancouver subsidiary’s CFO', 'Send the signed MSA', 'Review carrier scorecard'],
  noun: ['Pallet rates for Q1', 'Budget approval', 'Customs paperwork for the Lyon depot']
}

/** A person on whom every rule that shows a title fires with this one. */
async function briefFor(title: string): Promise<Brief> {
  await interest(api(), 'me', `${title} club`, 'other')
  const id = await personWith(api(), { name: 'Aisha Rahman', company: 'Meridian Cold Chain' })
  await owes(api(), id, title, 0, 'i-owe')
  await owes(api(), id, title, -12, 'they-owe')
  const challenge = await api().addChallenge({
    challenge: { personId: id, title, detail: '', status: 'open', openedOn: day(-30) }
  })
  await api().addValue({
    value: { personId: id, challengeId: challenge.id, kind: 'idea', title, note: '', date: day(-10) }
  })
  await interest(api(), id, title, 'other')
  await interest(api(), id, `${title} club`, 'other')
  await note(api(), id, 3, 'Weekly sync', `We went over ${title} in detail.`)
  return api().getBrief({ id })
}

describe('points that read as written by a person', () => {
  it.each(Object.entries(TITLES).flatMap(([shape, titles]) => titles.map((title) => [shape, title])))(
    'quotes a title starting with %s (“%s”) exactly, in every rule',
    async (_shape, title) => {
      const brief = await briefFor(title)
      const byKind = (kind: string) => brief.talkingPoints.find((p) => p.kind === kind)?.text
      expect(byKind('commitment-mine')).toBe(`You owe them: “${title}” · due today`)
      expect(byKind('commitment-theirs')).toBe(`They owe you: “${title}” · 12 days late`)
      expect(byKind('challenge-open')).toBe(
        `Still open: “${title}” · since ${day(-30)} · last time you brought “${title}”`
      )
      expect(byKind('interest-recent')).toBe(`Ask about: “${title}” · came up ${day(-3)} in “Weekly sync”`)
      expect(byKind('interest-common')).toBe(`You both care about: ${title} club`)
      // Nowhere in the brief is the title lower-cased or glued into a sentence of ours.
      const lowered = title.charAt(0).toLowerCase() + title.slice(1)
      const all = [...brief.talkingPoints.map((p) => p.text), briefText(brief)].join('\n')
      if (lowered !== title) expect(all).not.toContain(lowered)
      expect(all).not.toMatch(/would |said they/)
      for (const point of brief.talkingPoints) expect(point.text.startsWith(point.label)).toBe(true)
    }
  )

  it('keeps the issue’s spliced titles whole: “NDA back from legal”, the CFO intro, Marta', async () => {
    const id = await personWith(api(), { name: 'Chen Wei', company: 'Pacific Rim Freight' })
    await owes(api(), id, 'NDA back from legal', -9, 'they-owe')
    await owes(api(), id, 'Intro to the Vancouver subsidiary’s CFO', 2, 'they-owe')
    await owes(api(), id, 'Marta to confirm the tender date', 5, 'they-owe')
    const texts = (await api().getBrief({ id })).talkingPoints.map((p) => p.text)
    expect(texts).toEqual([
      'They owe you: “Intro to the Vancouver subsidiary’s CFO” · due 2026-12-04',
      'They owe you: “Marta to confirm the tender date” · due 2026-12-07',
      'They owe you: “NDA back from legal” · 9 days late',
      'Ask how they like to work · a close working relationship, or a quick, simple exchange?'
    ])
  })

  it('puts a multi-line title on one line inside its quotes', async () => {
    const id = await personWith(api(), { name: 'Noor Haddad' })
    await owes(api(), id, 'Send the deck\nand the price list', 0, 'i-owe')
    const [point] = (await api().getBrief({ id })).talkingPoints
    expect(point?.text).toBe('You owe them: “Send the deck and the price list” · due today')
  })
})
