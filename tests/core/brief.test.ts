import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import type { Brief } from '../../src/shared/views.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const now = new Date(2026, 10, 23, 10)
let journal: TempJournal
let api: Handlers
let ids: Awaited<ReturnType<typeof seedJournal>>
let ana: Brief

beforeAll(async () => {
  journal = await openTempJournal(undefined, () => now)
  api = journal.handlers
  ids = await seedJournal(api, now)
  ana = await api.getBrief({ id: ids.anaId })
})
afterAll(() => journal.dispose())

describe('the pre-call brief', () => {
  it('has who they are, what matters to them, and what is open', () => {
    expect(ana.person.name).toBe('Ana García')
    expect(ana.person.relationshipStyle.kind).toBe('relationship')
    expect(ana.contact).toEqual({ lastContact: '2026-11-22', daysSince: 1 })
    expect(ana.interests[0]).toMatchObject({ label: 'Real Madrid', inCommon: true })
    expect(ana.openChallenges.map((c) => c.title)).toEqual(['Month-end close takes ten days'])
    expect(ana.openCommitments.map((f) => [f.title, f.direction, f.dueDate])).toEqual([
      ['Send two pricing options', 'i-owe', '2026-11-23'],
      ['Share carrier volumes for 2026', 'they-owe', '2026-11-26']
    ])
  })

  it('shows the last three conversations with their first lines', () => {
    expect(ana.recent.map((c) => [c.title, c.firstLine])).toEqual([
      ['Pricing for the Q1 renewal', 'She needs two options: annual and multi-year.'],
      ['Intro call: Ana meets Priya', 'Priya shared how Globex automated reconciliation. Ana asked for the playbook.'],
      ['Discovery meeting at Acme HQ', 'Walked through the close process.']
    ])
  })

  it('derives talking points by clear rules, promises first', () => {
    expect(ana.talkingPoints.map((p) => p.kind)).toEqual([
      'commitment-mine',
      'commitment-theirs',
      'interest-common',
      'challenge-open',
      'boundary'
    ])
    expect(ana.talkingPoints[0]!.text).toBe(
      'You promised “Send two pricing options” (due today): deliver it or say when.'
    )
    expect(ana.talkingPoints[1]!.text).toBe(
      'They said they would share carrier volumes for 2026 (due 2026-11-26): ask how it is going.'
    )
    expect(ana.talkingPoints[3]!.text).toContain('Last time you brought “Introduced her to Priya')
    expect(ana.talkingPoints[4]!.text).toBe('Remember: No calls before 9:30 — school run.')
  })

  it('suggests an interest that came up in a recent conversation', async () => {
    await api.logConversation({
      conversation: {
        personIds: [ids.anaId],
        date: new Date(2026, 10, 20).toISOString(),
        channel: 'message',
        title: 'Weekend',
        body: 'She baked sourdough for the team.'
      },
      followUps: []
    })
    const brief = await api.getBrief({ id: ids.anaId })
    expect(brief.talkingPoints.find((p) => p.kind === 'interest-recent')?.text).toBe(
      'Ask about Sourdough: it came up on 2026-11-20 (“Weekend”).'
    )
  })

  it('reminds to ask about the relationship style and notes a lapsed cadence', async () => {
    const kenji = await api.getBrief({ id: ids.kenjiId })
    expect(kenji.talkingPoints.map((p) => p.kind)).toEqual(['commitment-theirs', 'cadence-lapsed'])
    expect(kenji.talkingPoints[1]!.text).toBe(
      'It has been 75 days since you last spoke, longer than your every-30-days rhythm.'
    )
    const priya = await api.getBrief({ id: ids.priyaId })
    expect(priya.talkingPoints.map((p) => p.kind)).toContain('style-unasked')
  })
})
