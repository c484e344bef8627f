import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { storedFilesHash, storedJournal, storedText } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal
let api: Handlers
beforeEach(async () => {
  journal = await openTempJournal(undefined, () => new Date(2026, 10, 23, 10))
  api = journal.handlers
})
afterEach(() => journal.dispose())

const person = (name: string) => api.createPerson({ person: { name } })
const meeting = (personIds: string[], title: string) => ({
  personIds,
  date: '2026-11-20T15:00:00.000Z',
  channel: 'meeting' as const,
  title,
  body: '## Notes\n- pricing in March'
})

describe('logging a conversation', () => {
  it('saves the conversation and its follow-ups both ways in one step, linked to it', async () => {
    const ana = await person('Ana')
    const logged = await api.logConversation({
      conversation: meeting([ana.id], 'Pricing review'),
      followUps: [
        { personId: ana.id, title: 'Send revised quote', dueDate: '2026-11-25', direction: 'i-owe' },
        { personId: ana.id, title: 'Share usage numbers', dueDate: '2026-11-27', direction: 'they-owe' }
      ]
    })
    expect(logged.followUps.map((f) => [f.title, f.direction, f.conversationId])).toEqual([
      ['Send revised quote', 'i-owe', logged.conversation.id],
      ['Share usage numbers', 'they-owe', logged.conversation.id]
    ])
    const onDisk = await storedJournal(journal.file)
    expect(onDisk.conversations).toHaveLength(1)
    expect(onDisk.followUps).toHaveLength(2)
  })

  it('refuses a conversation with someone who is not in the journal, saving nothing', async () => {
    const before = await storedFilesHash(journal.file)
    await expect(
      api.logConversation({ conversation: meeting(['0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e10'], 'Ghost'), followUps: [] })
    ).rejects.toThrow(/person is no longer/)
    expect(await storedFilesHash(journal.file)).toBe(before)
  })

  it('refuses a 5 MB body with a clear message', async () => {
    const ana = await person('Ana')
    const result = await journal.bridge.logConversation({
      conversation: { ...meeting([ana.id], 'Huge'), body: 'x'.repeat(5_000_000) },
      followUps: []
    })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The note is too long (at most 100,000 characters).',
        field: 'conversation.body'
      }
    })
  })

  it('deletes an entry with Undo, relinking the follow-ups that came from it', async () => {
    const ana = await person('Ana')
    const logged = await api.logConversation({
      conversation: meeting([ana.id], 'Kickoff'),
      followUps: [{ personId: ana.id, title: 'Intro to CTO', dueDate: '2026-11-30', direction: 'i-owe' }]
    })
    const before = await storedText(journal.file)
    const removed = await api.deleteConversation({ id: logged.conversation.id })
    const page = await api.getPersonPage({ id: ana.id })
    expect(page.conversations).toEqual([])
    expect(page.followUps.map((f) => [f.title, f.conversationId])).toEqual([['Intro to CTO', null]])
    await api.undoDelete({ removed })
    expect(await storedText(journal.file)).toBe(before)
  })
})

describe('deleting a person', () => {
  it('takes everything that is only theirs, leaves shared meetings to the others, and Undo restores it all exactly', async () => {
    const [ana, bo, cy] = [await person('Ana'), await person('Bo'), await person('Cy')]
    const solo = await api.logConversation({
      conversation: meeting([ana.id, bo.id], 'Just Bo'),
      followUps: [{ personId: ana.id, title: 'Ask Ana about Bo', dueDate: '2026-12-01', direction: 'i-owe' }]
    })
    // Ana left the meeting's people afterwards; her follow-up from it stays linked.
    await api.updateConversation({ id: solo.conversation.id, conversation: meeting([bo.id], 'Just Bo') })
    await api.logConversation({
      conversation: meeting([ana.id, bo.id, cy.id], 'Three-way'),
      followUps: [{ personId: bo.id, title: 'Bo sends specs', dueDate: '2026-12-02', direction: 'they-owe' }]
    })
    await api.addInterest({ interest: { ownerId: bo.id, label: 'Golf', category: 'sport', note: '' } })
    const challenge = await api.addChallenge({
      challenge: { personId: bo.id, title: 'Churn', detail: '', status: 'open', openedOn: '2026-11-01' }
    })
    await api.addValue({
      value: {
        personId: bo.id,
        challengeId: challenge.id,
        kind: 'article',
        title: 'Churn playbook',
        note: '',
        date: '2026-11-05'
      }
    })
    const before = await storedText(journal.file)

    const removed = await api.deletePerson({ id: bo.id })
    const after = await storedJournal(journal.file)
    expect(after.people.map((p: { name: string }) => p.name)).toEqual(['Ana', 'Cy'])
    expect(after.conversations.map((c: { title: string; personIds: string[] }) => [c.title, c.personIds])).toEqual([
      ['Three-way', [ana.id, cy.id]]
    ])
    expect(after.interests).toEqual([])
    expect(after.challenges).toEqual([])
    expect(after.values).toEqual([])
    // Ana's follow-up that came from the removed solo meeting stays hers, unlinked.
    expect(
      after.followUps.map((f: { title: string; conversationId: string | null }) => [f.title, f.conversationId])
    ).toEqual([['Ask Ana about Bo', null]])
    expect(solo.conversation.id).not.toBe(after.followUps[0]!.conversationId)

    await api.undoDelete({ removed })
    expect(await storedText(journal.file)).toBe(before)
  })
})

describe('interests', () => {
  it('marks interests shared with me as in common, lists them first, and finds everyone who has one', async () => {
    const [ana, bo] = [await person('Ana'), await person('Bo')]
    await api.addInterest({ interest: { ownerId: 'me', label: 'Real Madrid', category: 'sport', note: '' } })
    await api.addInterest({ interest: { ownerId: ana.id, label: 'Baking', category: 'food', note: 'sourdough' } })
    await api.addInterest({
      interest: { ownerId: ana.id, label: 'real  madrid', category: 'sport', note: 'season ticket' }
    })
    await api.addInterest({ interest: { ownerId: bo.id, label: 'Réal Madrid', category: 'sport', note: '' } })
    const page = await api.getPersonPage({ id: ana.id })
    expect(page.interests.map((i) => [i.label, i.inCommon])).toEqual([
      ['real  madrid', true],
      ['Baking', false]
    ])
    expect((await api.peopleWithInterest({ label: 'REAL MADRID' })).map((p) => p.name)).toEqual(['Ana', 'Bo'])
    expect((await api.getMe({})).interests.map((i) => i.label)).toEqual(['Real Madrid'])
  })
})

describe('challenges', () => {
  it('stamps the day a challenge stops being open and clears it when reopened', async () => {
    const ana = await person('Ana')
    const input = {
      personId: ana.id,
      title: 'Forecasting is manual',
      detail: '',
      status: 'open' as const,
      openedOn: '2026-10-01'
    }
    const c = await api.addChallenge({ challenge: input })
    expect(c.closedOn).toBe('')
    expect((await api.updateChallenge({ id: c.id, challenge: { ...input, status: 'helped' } })).closedOn).toBe(
      '2026-11-23'
    )
    expect((await api.updateChallenge({ id: c.id, challenge: { ...input, status: 'open' } })).closedOn).toBe('')
  })

  it('refuses value linked to someone else’s challenge', async () => {
    const [ana, bo] = [await person('Ana'), await person('Bo')]
    const c = await api.addChallenge({
      challenge: { personId: ana.id, title: 'Hiring', detail: '', status: 'open', openedOn: '2026-10-01' }
    })
    await expect(
      api.addValue({
        value: { personId: bo.id, challengeId: c.id, kind: 'idea', title: 'x', note: '', date: '2026-11-01' }
      })
    ).rejects.toThrow(/someone else/)
  })
})
