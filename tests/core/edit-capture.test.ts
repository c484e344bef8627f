import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal
let api: Handlers
// Monday 23 November 2026, mid-morning.
beforeEach(async () => {
  journal = await openTempJournal(undefined, () => new Date(2026, 10, 23, 10))
  api = journal.handlers
})
afterEach(() => journal.dispose())

const person = (name: string, extra: Record<string, unknown> = {}) => api.createPerson({ person: { name, ...extra } })

describe('quick capture', () => {
  it('saves a one-line note as a conversation titled by it, with a follow-up due on the day its phrase names', async () => {
    const wei = await person('Wei Chen')
    const { conversation, followUps } = await api.quickCapture({
      personId: wei.id,
      note: 'Budget approved for Q1, wants the security review first',
      channel: 'call',
      followUp: 'send deck fri',
      direction: 'i-owe'
    })
    expect(conversation).toMatchObject({
      personIds: [wei.id],
      title: 'Budget approved for Q1, wants the security review first',
      channel: 'call'
    })
    expect(followUps.map((f) => [f.title, f.dueDate, f.direction, f.conversationId])).toEqual([
      ['send deck', '2026-11-27', 'i-owe', conversation.id]
    ])
  })

  it('reads “by dec 6” and “in 3 days”, and gives a phrase without a day a week', async () => {
    const wei = await person('Wei Chen')
    const capture = (followUp: string) =>
      api.quickCapture({ personId: wei.id, note: 'Quick sync', channel: 'message', followUp, direction: 'they-owe' })
    expect((await capture('pricing sheet by dec 6')).followUps[0]).toMatchObject({
      title: 'pricing sheet',
      dueDate: '2026-12-06'
    })
    expect((await capture('call back in 3 days')).followUps[0]).toMatchObject({
      title: 'call back',
      dueDate: '2026-11-26'
    })
    expect((await capture('usage numbers')).followUps[0]).toMatchObject({
      title: 'usage numbers',
      dueDate: '2026-11-30'
    })
  })

  it('refuses an empty note through the contract, and saves nothing', async () => {
    const wei = await person('Wei Chen')
    const result = await journal.bridge.quickCapture({
      personId: wei.id,
      note: '  ',
      channel: 'call',
      followUp: 'send deck fri',
      direction: 'i-owe'
    })
    expect(result).toMatchObject({ ok: false, error: { message: 'Write the note.' } })
    expect(journal.session.store().journal.conversations).toEqual([])
  })
})

describe('a conversation without a title', () => {
  it('takes the first line of its notes, without Markdown marks, cut at a word', async () => {
    const ana = await person('Ana García')
    const log = (title: string, body: string) =>
      api.logConversation({
        conversation: { personIds: [ana.id], date: '2026-11-20T15:00:00.000Z', channel: 'meeting', title, body },
        followUps: []
      })
    expect((await log('', '\n## Renewal terms\n- 3 years')).conversation.title).toBe('Renewal terms')
    const long = `${'procurement '.repeat(30)}end`
    const title = (await log(' ', long)).conversation.title
    expect(title.length).toBeLessThanOrEqual(200)
    expect(title).toMatch(/procurement…$/)
    await expect(log('', '   ')).rejects.toThrow('Write a title or a note.')
  })
})

describe('editing a value brought', () => {
  it('changes it in place and may move it to another of the same person’s challenges', async () => {
    const ana = await person('Ana García')
    const kenji = await person('Kenji Watanabe')
    const close = await api.addChallenge({
      challenge: { personId: ana.id, title: 'Slow close', detail: '', status: 'open', openedOn: '2026-10-01' }
    })
    const theirs = await api.addChallenge({
      challenge: { personId: kenji.id, title: 'Carrier costs', detail: '', status: 'open', openedOn: '2026-10-01' }
    })
    const value = await api.addValue({
      value: {
        personId: ana.id,
        challengeId: null,
        kind: 'idea',
        title: 'Reconcile weekly',
        note: '',
        date: '2026-11-02'
      }
    })
    const { id, createdAt, ...input } = value
    const edited = await api.updateValue({
      id,
      value: { ...input, challengeId: close.id, kind: 'article', title: 'HBR piece on fast close' }
    })
    expect(edited).toMatchObject({ id, challengeId: close.id, kind: 'article', createdAt })
    await expect(api.updateValue({ id, value: { ...input, challengeId: theirs.id } })).rejects.toThrow(
      'That challenge belongs to someone else.'
    )
  })
})

describe('the People overview', () => {
  it('gives each person last contact, next due day, overdue count, both directions and a lapsed cadence', async () => {
    const ana = await person('Ana García', { cadenceDays: 14 })
    const kenji = await person('Kenji Watanabe', { company: 'Northwind' })
    await api.logConversation({
      conversation: {
        personIds: [ana.id],
        date: '2026-10-01T10:00:00.000Z',
        channel: 'call',
        title: 'Intro',
        body: ''
      },
      followUps: [
        { personId: ana.id, title: 'Send deck', dueDate: '2026-11-20', direction: 'i-owe' },
        { personId: ana.id, title: 'Usage numbers', dueDate: '2026-11-25', direction: 'they-owe' }
      ]
    })
    const rows = await api.peopleOverview({})
    expect(rows.map((r) => [r.person.name, r.lastContact, r.nextDue, r.overdue, r.iOwe, r.theyOwe, r.lapsed])).toEqual([
      ['Ana García', '2026-10-01', '2026-11-20', 1, 1, 1, true],
      ['Kenji Watanabe', null, null, 0, 0, 0, false]
    ])
    expect(rows[1]!.person.id).toBe(kenji.id)
  })
})
