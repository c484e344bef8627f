/**
 * Input the core must refuse, through dispatch() as the app's IPC calls it: links between entries that do
 * not hold (a follow-up on a conversation its person was not in), an undo of something no delete handed out,
 * impossible times, broken UTF-16 and invisible names — and no error ever hands back a large input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/api/handlers.ts'
import { apiInputs, apiNames } from '../../src/shared/api.ts'
import type { ApiName } from '../../src/shared/api.ts'
import type { ApiResult } from '../../src/shared/errors.ts'
import type { Removed } from '../../src/shared/schema/removed.ts'
import { storedFilesHash } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

let journal: TempJournal
let ana: string
let kenji: string
let priya: string
/** A call with Ana and Kenji; Priya was not in it. */
let call: string

beforeEach(async () => {
  journal = await openTempJournal()
  const add = async (name: string, company: string) =>
    (await journal.handlers.createPerson({ person: { name, company } })).id
  ana = await add('Ana García', 'Acme Logistics')
  kenji = await add('Kenji Watanabe', 'Acme Logistics')
  priya = await add('Priya Natarajan', 'Lumen Health')
  const logged = await journal.handlers.logConversation({
    conversation: {
      personIds: [ana, kenji],
      date: '2026-11-18T15:30:00.000Z',
      channel: 'meeting',
      title: 'Renewal terms',
      body: 'Ana wants two pricing options; Kenji owns the rollout.'
    },
    followUps: []
  })
  call = logged.conversation.id
})
afterEach(() => journal.dispose())

async function refused(name: ApiName, payload: unknown, message: RegExp): Promise<void> {
  const before = await storedFilesHash(journal.file)
  const result = await dispatch(journal.handlers, name, payload)
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(message) } })
  expect(await storedFilesHash(journal.file)).toBe(before)
}

const followUp = (personId: string, conversationId: string | null) => ({
  personId,
  title: 'Send the rollout plan',
  dueDate: '2026-11-25',
  direction: 'i-owe' as const,
  conversationId
})

describe('links between entries', () => {
  it('a follow-up cannot be linked to a conversation its person was not in', async () => {
    await refused('addFollowUp', { followUp: followUp(priya, call) }, /Priya Natarajan was not in “Renewal terms”/)
    expect((await dispatch(journal.handlers, 'addFollowUp', { followUp: followUp(kenji, call) })).ok).toBe(true)
  })

  it('nor moved onto one by an edit', async () => {
    const own = await journal.handlers.addFollowUp({ followUp: followUp(priya, null) })
    await refused('updateFollowUp', { id: own.id, followUp: followUp(priya, call) }, /was not in “Renewal terms”/)
  })

  it('logging a conversation cannot create a follow-up owed by someone who was not in it', async () => {
    await refused(
      'logConversation',
      {
        conversation: {
          personIds: [ana],
          date: '2026-11-19T09:00:00.000Z',
          channel: 'call',
          title: 'Quick check-in',
          body: ''
        },
        followUps: [{ personId: priya, title: 'Intro to the CFO', dueDate: '2026-11-26', direction: 'they-owe' }]
      },
      /Priya Natarajan was not in this conversation/
    )
  })
})

describe('undo', () => {
  it('accepts what a delete handed out, once', async () => {
    const removed = await journal.handlers.deletePerson({ id: priya })
    expect((await dispatch(journal.handlers, 'undoDelete', { removed })).ok).toBe(true)
    await refused('undoDelete', { removed }, /can no longer be undone/)
  })

  it('refuses a person no delete removed', async () => {
    const removed = await journal.handlers.deletePerson({ id: priya })
    const invented = structuredClone<Removed>(removed)
    invented.people![0]!.item = {
      ...invented.people![0]!.item,
      id: '5d1c7c55-2b7e-4d0e-9d6c-1f0a2b3c4d5e',
      name: 'Mallory'
    }
    await refused('undoDelete', { removed: invented }, /can no longer be undone/)
  })

  it('refuses to overwrite a live person with an undo', async () => {
    const removed = await journal.handlers.deletePerson({ id: priya })
    const forged = structuredClone<Removed>(removed)
    const live = (await journal.handlers.listPeople({})).find((p) => p.id === ana)!
    forged.people = [{ item: { ...live, role: 'Overwritten' }, index: 0 }]
    await refused('undoDelete', { removed: forged }, /can no longer be undone/)
  })

  it('refuses an undo made up from nothing', async () => {
    const live = (await journal.handlers.listPeople({})).find((p) => p.id === ana)!
    await refused(
      'undoDelete',
      {
        removed: {
          label: 'Ana',
          ticket: '7f0e6d5c-4b3a-4291-8f7e-6d5c4b3a2918',
          people: [{ item: { ...live, name: 'Eve' }, index: 0 }]
        }
      },
      /can no longer be undone/
    )
  })
})

describe('times that do not exist', () => {
  it.each([
    '2026-02-31T10:00Z',
    '2026-02-31T10:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999999999Z'
  ])('a conversation on %s is refused', async (date) => {
    await refused(
      'logConversation',
      { conversation: { personIds: [ana], date, channel: 'call', title: 'Odd date', body: '' }, followUps: [] },
      /date and time/
    )
  })
})

describe('text', () => {
  const lone = ['Ana\uD800', '\uDC00Kenji', 'Ok \uDBFF then']
  it.each(lone)('a lone surrogate in a name, a title or a note (%j) is refused', async (bad) => {
    await refused('createPerson', { person: { name: bad } }, /not valid text/)
    await refused('updatePerson', { id: ana, patch: { drives: bad } }, /not valid text/)
    await refused(
      'logConversation',
      {
        conversation: { personIds: [ana], date: '2026-11-19T09:00:00.000Z', channel: 'call', title: 'Call', body: bad },
        followUps: []
      },
      /not valid text/
    )
    await refused('updatePerson', { id: ana, patch: { tags: [bad] } }, /not valid text/)
    await refused('search', { query: { text: bad } }, /not valid text/)
  })

  it.each(['\u200B', '\u200B\u200C\u200D\u2060', '\uFEFF\u00AD', '\u3164', '\u202E\u2066'])(
    'a name of only invisible characters (%j) is refused',
    async (name) => {
      await refused('createPerson', { person: { name } }, /Name needs at least one visible character/)
      await refused('updatePerson', { id: ana, patch: { name } }, /Name needs at least one visible character/)
    }
  )

  it('a name with an invisible character among visible ones is kept as typed', async () => {
    const result = await dispatch(journal.handlers, 'createPerson', { person: { name: 'Zoë\u200D Adeyemi' } })
    expect(result).toMatchObject({ ok: true, value: { name: 'Zoë\u200D Adeyemi' } })
  })
})

describe('error messages', () => {
  const huge = 'x'.repeat(5_000_000)
  /** The longest run of the huge input's character in a text: how much of the input it hands back. */
  const echoed = (text: string) => Math.max(0, ...(text.match(/x+/g) ?? []).map((run) => run.length))

  /** Payloads putting the huge string everywhere a call's argument has a place: a value, a key, a list item. */
  function payloadsFor(name: ApiName): unknown[] {
    const out: unknown[] = [{ [huge]: 1 }, huge]
    const entries = entriesOf(apiInputs[name])
    for (const [key, schema] of Object.entries(entries)) {
      out.push({ [key]: huge }, { [key]: [huge] }, { [key]: 1 })
      for (const sub of Object.keys(entriesOf(schema)))
        out.push({ [key]: { [sub]: huge } }, { [key]: { [sub]: 7 } }, { [key]: { [huge]: 1 } })
    }
    return out
  }

  it.each(apiNames)('%s never hands back more than 200 characters of its input', async (name) => {
    for (const payload of payloadsFor(name)) {
      const result: ApiResult<unknown> = await dispatch(journal.handlers, name, payload)
      if (result.ok) continue
      expect(echoed(result.error.message), `${name}: ${result.error.message.slice(0, 120)}`).toBeLessThanOrEqual(200)
      expect(echoed(result.error.field ?? '')).toBeLessThanOrEqual(200)
      expect(result.error.message.length).toBeLessThan(1000)
    }
  })
})

/** The entries of an object schema, through the wrappers valibot puts around one (pipe, optional). */
function entriesOf(schema: unknown): Record<string, unknown> {
  const s = schema as { entries?: Record<string, unknown>; wrapped?: unknown; pipe?: unknown[] }
  if (s.entries) return s.entries
  if (s.wrapped) return entriesOf(s.wrapped)
  if (s.pipe && s.pipe[0] !== schema) return entriesOf(s.pipe[0])
  return {}
}
