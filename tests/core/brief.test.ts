import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import type { Brief } from '../../src/shared/pre-call-brief.ts'
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
  await api.updateSettings({ patch: { dateFormat: 'iso' } })
  ana = await api.getBrief({ id: ids.anaId })
})
afterAll(() => journal.dispose())

describe('the pre-call brief', () => {
  it('has who they are, what matters to them, and what is open', () => {
    expect(ana.person.name).toBe('Ana García')
    expect(ana.contact).toEqual({ lastContact: '2026-11-22', daysSince: 1 })
    expect(ana.lastContactText).toBe('yesterday (2026-11-22)')
    expect(ana.interests[0]).toMatchObject({ label: 'Real Madrid', inCommon: true })
    expect(ana.openChallenges.map((c) => c.title)).toEqual(['Month-end close takes ten days'])
    expect(ana.openCommitments.map((f) => [f.title, f.direction, f.dueDate])).toEqual([
      ['Send two pricing options', 'i-owe', '2026-11-23'],
      ['Share carrier volumes for 2026', 'they-owe', '2026-11-26']
    ])
  })

  it('opens with what to know before dialling: boundaries, their style in their words, their time', () => {
    const dial = ana.beforeYouDial
    expect(dial.boundaries).toBe('No calls before 9:30 — school run.')
    expect(dial.style).toMatchObject({
      kind: 'relationship',
      askedOnText: '2026-09-24',
      text: 'Wants a relationship: “I like partners who tell me when something will not work.” (asked 2026-09-24)'
    })
    expect(dial.localTime?.zone).toBe('Europe/Madrid')
    expect(dial.localTime?.time).toMatch(/^\d{2}:\d{2}$/)
    expect(dial.dates).toEqual([])
  })

  it('shows the last three conversations with the first line that says something', () => {
    expect(ana.recent.map((c) => [c.title, c.firstLine])).toEqual([
      ['Pricing for the Q1 renewal', 'She needs two options: annual and multi-year.'],
      ['Intro call: Ana meets Priya', 'Priya shared how Globex automated reconciliation. Ana asked for the playbook.'],
      ['Discovery meeting at Acme HQ', 'Walked through the close process.']
    ])
  })

  it('derives talking points by clear rules, commitments first, quoting the user’s words', () => {
    expect(ana.talkingPoints.map((p) => p.kind)).toEqual([
      'commitment-mine',
      'commitment-theirs',
      'interest-common',
      'challenge-open'
    ])
    expect(ana.talkingPoints.map((p) => p.text)).toEqual([
      'You owe them: “Send two pricing options” · due today',
      'They owe you: “Share carrier volumes for 2026” · due 2026-11-26',
      'You both care about: Real Madrid',
      'Still open: “Month-end close takes ten days” · since 2026-10-09 · last time you brought “Introduced her to Priya, who fixed the same problem at Globex”'
    ])
  })

  it('suggests an interest that came up in a recent conversation, saying where', async () => {
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
      'Ask about: “Sourdough” · came up 2026-11-20 in “Weekend”'
    )
  })

  it('keeps a transactional person’s points to business, and notes a lapsed cadence', async () => {
    const kenji = await api.getBrief({ id: ids.kenjiId })
    expect(kenji.talkingPoints.map((p) => p.text)).toEqual([
      'Keep it short and bring the numbers · no small talk',
      'They owe you: “Return the signed NDA” · 4 days late',
      'Overdue a catch-up · 75 days since you last spoke · you aim for every 30 days'
    ])
    const priya = await api.getBrief({ id: ids.priyaId })
    expect(priya.talkingPoints.map((p) => p.kind)).toContain('style-unasked')
  })
})
