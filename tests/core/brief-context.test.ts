/**
 * The brief reads the notes with care: no opener about a team that just lost or a subject the boundaries rule
 * out, and the news of the latest one or two conversations — a competitor, a price, a decision date — quoted
 * with where it came from, past the filler that opens many notes.
 */
import { describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { firstLine, isFiller } from '../../src/core/views/note-text.ts'
import { isNegative } from '../../src/core/views/negative-context.ts'
import { briefText } from '../../src/cli/brief-text.ts'
import { day, interest, journalOnDay, note, personWith } from '../support/brief-fixtures.ts'

const { api } = journalOnDay()

const openers = (brief: Awaited<ReturnType<Handlers['getBrief']>>) =>
  brief.talkingPoints.filter((p) => p.kind.startsWith('interest-')).map((p) => p.text)

describe('negative context', () => {
  it('does not suggest Arsenal after a note saying they lost and she did not want to talk about it', async () => {
    const id = await personWith(api(), { name: 'Priya Shah', company: 'Northgate Retail' })
    await interest(api(), id, 'Arsenal')
    await note(api(), id, 49, 'Quarterly check-in', 'Arsenal lost at the weekend; she didn’t want to talk about it.')
    const brief = await api().getBrief({ id })
    expect(openers(brief)).toEqual([])
    expect(brief.heldBack).toEqual([
      {
        label: 'Arsenal',
        reason: `“Arsenal lost at the weekend; she didn’t want to talk about it.” (${day(-49)}, “Quarterly check-in”)`
      }
    ])
    expect(briefText(brief)).toContain('  Not suggested as an opener: Arsenal — “Arsenal lost at the weekend;')
  })

  it('does not suggest Real Madrid when the boundaries say “Don’t joke about football”', async () => {
    await interest(api(), 'me', 'Real Madrid')
    const id = await personWith(api(), { name: 'Javier Soto', boundaries: 'Don’t joke about football.' })
    await interest(api(), id, 'Real Madrid')
    await interest(api(), id, 'Paella', 'food')
    await interest(api(), 'me', 'Paella', 'food')
    const brief = await api().getBrief({ id })
    expect(openers(brief)).toEqual(['You both care about: Paella'])
    expect(brief.heldBack).toEqual([{ label: 'Real Madrid', reason: 'your boundaries mention “football”' }])
  })

  it('holds back an interest when the sentence beside the mention is the negative one', async () => {
    const id = await personWith(api(), { name: 'Emma Lindqvist' })
    await interest(api(), id, 'Sailing', 'hobby')
    await note(
      api(),
      id,
      6,
      'Renewal call',
      'Asked about Sailing season. Her father passed away in March, so it is off.'
    )
    expect(openers(await api().getBrief({ id }))).toEqual([])
  })

  it('suggests it again once a newer note mentions it happily', async () => {
    const id = await personWith(api(), { name: 'Tom Becker' })
    await interest(api(), id, 'Arsenal')
    await note(api(), id, 30, 'Check-in', 'Arsenal lost again. A sore subject.')
    await note(api(), id, 4, 'Pricing follow-up', 'Arsenal won the derby; he was in a great mood.')
    const brief = await api().getBrief({ id })
    expect(openers(brief)).toEqual([`Ask about: “Arsenal” · came up ${day(-4)} in “Pricing follow-up”`])
    expect(brief.heldBack).toEqual([])
  })

  it.each([
    ['Arsenal lost at the weekend', true],
    ['She didn’t want to talk about the move', true],
    ['Politics is a sore subject with him', true],
    ['Don’t joke about the merger', true],
    ['Rather not discuss the reorg', true],
    ['Mateo’s team won on Saturday', false],
    ['She talked about the marathon for ten minutes', false],
    ['Wants to discuss pricing next week', false]
  ])('reads “%s” as negative: %s', (sentence, negative) => {
    expect(isNegative(sentence)).toBe(negative)
  })
})

describe('what changed since last time', () => {
  const latest = [
    'Short call, 20 minutes.',
    '',
    'Flexport approached them last week with a lower rate.',
    '- Budget is €180k for 2027, signed off by the CFO.',
    '- They decided to run a formal tender; shortlist by 15 January.',
    'Lunch was nice.'
  ].join('\n')

  async function withNotes() {
    const id = await personWith(api(), { name: 'Sofia Marino', company: 'Vetro Packaging' })
    await note(api(), id, 40, 'Discovery', 'They ship 4,000 pallets a month across 3 sites.')
    await note(api(), id, 12, 'Demo', 'Quick demo. Ops liked the dashboard; wants a 30-day pilot.')
    await note(api(), id, 2, 'Pricing call', latest)
    return api().getBrief({ id })
  }

  it('quotes the sentences with a competitor, money, a decision and a date, saying where each came from', async () => {
    const brief = await withNotes()
    expect(brief.whatChanged.map((c) => c.quote)).toEqual([
      'Flexport approached them last week with a lower rate.',
      'Budget is €180k for 2027, signed off by the CFO.',
      'They decided to run a formal tender; shortlist by 15 January.',
      'Ops liked the dashboard; wants a 30-day pilot.'
    ])
    const [competitor, money, decision] = brief.whatChanged
    expect(competitor?.source).toBe(`${day(-2)} · “Pricing call” · a date (last week)`)
    expect(money?.reasons).toEqual(['a decision (“signed”)', 'money (€180k)', 'a name (CFO)', 'a number (2027)'])
    expect(decision?.reasons[0]).toBe('a decision (“decided”)')
    expect(decision?.reasons).toContain('a date (15 January)')
    expect(decision?.reasons.join()).not.toContain('a number')
    expect(briefText(brief)).toContain(
      `  - “Flexport approached them last week with a lower rate.” — ${day(-2)} · “Pricing call” · a date (last week)`
    )
  })

  it('reads only the latest two conversations', async () => {
    const brief = await withNotes()
    expect(brief.whatChanged.map((c) => c.conversationTitle)).not.toContain('Discovery')
  })

  it('skips filler first lines in previews', async () => {
    const brief = await withNotes()
    expect(brief.recent.map((c) => c.firstLine)).toEqual([
      'Flexport approached them last week with a lower rate.',
      'Ops liked the dashboard; wants a 30-day pilot.',
      'They ship 4,000 pallets a month across 3 sites.'
    ])
  })

  it.each([
    ['Short call, 20 minutes.', true],
    ['Quick catch-up over coffee.', true],
    ['Called her back.', true],
    ['Good meeting with them today.', true],
    ['Call with Ana.', false],
    ['Met at the Berlin office.', false],
    ['20 trucks short this week.', false]
  ])('reads “%s” as filler: %s', (sentence, filler) => {
    expect(isFiller(sentence)).toBe(filler)
  })

  it('falls back to the first line when the whole note is filler', () => {
    expect(firstLine('## Quick call\n\nShort call, 15 min.')).toBe('Quick call')
    expect(firstLine('Quick sync. **Pilot** starts in [Lyon](https://example.com) on Monday.')).toBe(
      'Pilot starts in Lyon on Monday.'
    )
  })

  it('names a company of the journal anywhere in a sentence, the longer name first, and knows companies added since', async () => {
    const id = await personWith(api(), { name: 'Lena Vogt', company: 'Hafen Logistik' })
    await personWith(api(), { name: 'Tom Reyes', company: 'Acme' })
    await personWith(api(), { name: 'Ewa Nowak', company: 'Łódź Trans' })
    await personWith(api(), { name: 'Ada Brandt', company: 'Acme Freight & Co. (EU)' })
    await note(
      api(),
      id,
      1,
      'Carrier review',
      'acme freight & co. (eu) is pitching them too. They were happy with the service. Łódź Trans called her.'
    )
    const named = async () => (await api().getBrief({ id })).whatChanged.map((c) => c.reasons.join())
    expect(await named()).toEqual(['a name (Acme Freight & Co. (EU))', 'a name (Łódź Trans)'])

    // A company that appears in the journal only now is found in the very next brief.
    await note(api(), id, 0, 'Follow-up', 'They also spoke to zephyr cargo about the same lanes.')
    expect(await named()).toEqual(['a name (Acme Freight & Co. (EU))', 'a name (Łódź Trans)'])
    await personWith(api(), { name: 'Ravi Menon', company: 'Zephyr Cargo' })
    expect(await named()).toEqual(['a name (Zephyr Cargo)', 'a name (Acme Freight & Co. (EU))', 'a name (Łódź Trans)'])
  })

  it('says so when nothing in the last notes carries news', async () => {
    const id = await personWith(api(), { name: 'Ben Carter' })
    await note(api(), id, 1, 'Catch-up', 'Quick catch-up. He seemed relaxed and happy with the service.')
    const brief = await api().getBrief({ id })
    expect(brief.whatChanged).toEqual([])
    expect(briefText(brief)).toContain(
      'What changed since last time\n  Nothing new with a number, a date, a name or a decision in the last notes.'
    )
  })
})
