import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiNames } from '../../src/shared/api.ts'
import type { ApiName } from '../../src/shared/api.ts'
import { dispatch } from '../../src/core/api/handlers.ts'
import { fingerprint } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const huge = 'x'.repeat(5_000_000)
const validPerson = { name: 'Ana', company: 'Acme', role: 'CFO' }
const validId = '0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e10'
const conversation = {
  personIds: [validId],
  date: '2026-01-05T10:00:00.000Z',
  channel: 'call',
  title: 'Intro call',
  body: ''
}

/** Payloads each call must refuse: wrong types, extra keys, prototype keys, oversized strings. */
const malformed: Record<ApiName, unknown[]> = {
  journalStatus: [{ extra: 1 }, 'x', 42, [], JSON.parse('{"__proto__": {"polluted": true}}')],
  reopenJournal: [{ extra: 1 }, 'x', [1]],
  listBackups: [{ extra: 1 }, true],
  restoreBackup: [
    {},
    { name: 42 },
    { name: '../journal.json' },
    { name: '/etc/passwd' },
    { name: `${huge}.json` },
    { name: 'daily.json', extra: 1 }
  ],
  unlockJournal: [
    {},
    { passphrase: 42 },
    { passphrase: '' },
    { passphrase: 'x'.repeat(2000) },
    { passphrase: 'a', extra: 1 }
  ],
  lockJournal: [{ extra: 1 }, 'now'],
  setPassphrase: [
    { passphrase: 'long enough words' },
    { passphrase: 'short', noRecovery: true },
    { passphrase: 'long enough words', noRecovery: false },
    { passphrase: 'long enough words', noRecovery: true, extra: 1 }
  ],
  removePassphrase: [{ extra: 1 }, 'x'],
  listPeople: [{ extra: 1 }, JSON.parse('{"constructor": {"prototype": {}}}')],
  peopleOverview: [{ extra: 1 }, 'all'],
  createPerson: [
    {},
    { person: null },
    { person: { ...validPerson, name: 42 } },
    { person: { ...validPerson, name: '   ' } },
    { person: { ...validPerson, name: huge } },
    { person: { ...validPerson, company: huge } },
    { person: { ...validPerson, extra: 'x' } },
    { person: validPerson, extra: 1 },
    JSON.parse('{"person": {"name": "Ana", "company": "", "role": "", "__proto__": {"isAdmin": true}}}'),
    { person: { company: 'Acme' } }
  ],
  updatePerson: [
    { id: validId },
    { id: 42, patch: validPerson },
    { id: '../../etc', patch: validPerson },
    { id: huge, patch: validPerson },
    { id: validId, patch: { role: huge } },
    { id: validId, patch: { email: 'not an email' } },
    { id: validId, patch: { timeZone: 'Mars/Olympus_Mons' } },
    { id: validId, patch: { cadenceDays: 0 } },
    { id: validId, patch: { cadenceDays: 2.5 } },
    { id: validId, patch: { relationshipStyle: { kind: 'best friends', askedOn: '', theirWords: '' } } },
    { id: validId, patch: { tags: ['ok', ''] } },
    { id: validId, patch: { id: 'new-id-1234' } }
  ],
  deletePerson: [{}, { id: null }, { id: 'short' }, { id: validId, cascade: true }],
  undoDelete: [
    {},
    { removed: { label: 'x', people: [{ item: { id: validId, name: 'Ana' }, index: 0 }] } },
    { removed: { label: 'x', people: [{ item: { id: validId }, index: -1 }] } },
    { removed: { label: 'x', everything: [] } }
  ],
  getToday: [{ day: '2026-01-01' }],
  getPersonPage: [{}, { id: 7 }, { id: validId, extra: true }],
  logConversation: [
    {},
    { conversation: { ...conversation, personIds: [] }, followUps: [] },
    { conversation: { ...conversation, channel: 'carrier pigeon' }, followUps: [] },
    { conversation: { ...conversation, date: 'last tuesday' }, followUps: [] },
    { conversation: { ...conversation, title: huge }, followUps: [] },
    { conversation: { ...conversation, body: huge }, followUps: [] },
    { conversation, followUps: [{ personId: validId, title: 'Send deck', dueDate: '2026-02-30', direction: 'i-owe' }] },
    { conversation, followUps: [{ personId: validId, title: 'Send deck', dueDate: '30/01/2026', direction: 'i-owe' }] },
    {
      conversation,
      followUps: [{ personId: validId, title: 'Send deck', dueDate: '2026-01-30', direction: 'whoever' }]
    }
  ],
  updateConversation: [{ id: validId }, { id: validId, conversation: { ...conversation, extra: 1 } }],
  quickCapture: [
    {},
    { personId: validId, note: '   ', channel: 'call', followUp: '', direction: 'i-owe' },
    { personId: validId, note: 'Met at the fair', channel: 'call', followUp: huge, direction: 'i-owe' },
    { personId: validId, note: 'Met at the fair', channel: 'fax', followUp: '', direction: 'i-owe' },
    { personId: 'short', note: 'Met at the fair', channel: 'call', followUp: '', direction: 'i-owe' },
    { personId: validId, note: 'Met at the fair', channel: 'call', followUp: '', direction: 'we-owe' }
  ],
  deleteConversation: [{ id: '' }],
  addInterest: [
    { interest: { ownerId: 'me', label: '', category: 'food', note: '' } },
    { interest: { ownerId: 'me', label: 'Golf', category: 'golfing', note: '' } }
  ],
  updateInterest: [{ id: validId, interest: { ownerId: '../x', label: 'Golf', category: 'sport', note: '' } }],
  deleteInterest: [{ id: [] }],
  peopleWithInterest: [{ label: '' }, { label: huge }],
  addChallenge: [
    { challenge: { personId: validId, title: 'Churn', detail: '', status: 'stuck', openedOn: '2026-01-01' } }
  ],
  updateChallenge: [
    {
      id: validId,
      challenge: { personId: validId, title: 'Churn', detail: '', status: 'open', openedOn: '2026-13-01' }
    }
  ],
  deleteChallenge: [{ id: null }],
  addValue: [
    { value: { personId: validId, challengeId: null, kind: 'gift', title: 'x', note: '', date: '2026-01-01' } }
  ],
  updateValue: [
    {},
    {
      id: validId,
      value: { personId: validId, challengeId: null, kind: 'gift', title: 'x', note: '', date: '2026-01-05' }
    },
    {
      id: validId,
      value: { personId: validId, challengeId: null, kind: 'idea', title: '', note: '', date: '2026-01-05' }
    },
    {
      id: validId,
      value: { personId: validId, challengeId: null, kind: 'idea', title: 'x', note: '', date: '2026-02-31' }
    }
  ],
  deleteValue: [{}],
  addFollowUp: [
    { followUp: { personId: validId, title: 'Call', dueDate: 'tomorrow', direction: 'i-owe', conversationId: null } }
  ],
  updateFollowUp: [
    {
      id: validId,
      followUp: { personId: validId, title: huge, dueDate: '2026-01-01', direction: 'i-owe', conversationId: null }
    }
  ],
  completeFollowUp: [{ id: validId, on: '2026-02-29' }],
  reopenFollowUp: [{ id: 1 }],
  deleteFollowUp: [{ id: validId, hard: true }],
  getBrief: [{}, { id: 'x' }, { id: validId, full: true }],
  search: [
    {},
    { query: { text: huge } },
    { query: { text: 'x', channel: 'fax' } },
    { query: { text: 'x', from: '2026-02-31' } },
    { query: { text: 'x', limit: 0 } },
    { query: { text: 'x', extra: 1 } }
  ],
  exportMarkdown: [{ personIds: 'all' }, { personIds: ['../x'] }, { folder: '/tmp' }, { links: 'html' }],
  exportJson: [{ file: '/etc/passwd' }],
  exportIcs: [{ file: '/etc/passwd' }],
  exportVcard: [{ personIds: 'all' }, { personIds: ['../x'] }, { file: '/tmp/x.vcf' }],
  importPick: [{ path: '/etc/passwd' }],
  importRemap: [
    { token: 'x', mapping: [] },
    { token: '0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e10', mapping: { name: 1 } },
    { token: '0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e10', mapping: ['password'] }
  ],
  importApply: [
    {},
    { token: '0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e10', decisions: { '0': 'delete' } },
    { token: '0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e10', mode: 'wipe' }
  ],
  importCancel: [{}],
  backupNow: [{ name: 'x' }],
  openBackupsFolder: [{ path: '/' }],
  moveJournal: [{ to: '/tmp' }],
  openJournal: [{ path: '/etc' }],
  getSettings: [{ all: true }],
  updateSettings: [
    {},
    { patch: { theme: 'neon' } },
    { patch: { globalShortcut: { enabled: true, accelerator: 'K' } } },
    { patch: { reminders: { enabled: true, time: '25:00' } } },
    { patch: { calendar: { files: [], myEmails: ['not an address'], notify: { enabled: true, minutes: 10 } } } },
    { patch: { calendar: { files: [], myEmails: [], notify: { enabled: true, minutes: 0 } } } },
    { patch: { extra: 1 } }
  ],
  getMeetings: [{ day: '2026-01-01' }],
  nextMeetingWith: [{}, { id: 'x' }, { id: validId, days: 90 }],
  calendarFiles: [{ all: true }],
  addCalendarFiles: [{ file: '/etc/passwd' }, { files: ['https://calendar.example/feed.ics'] }],
  checkCalendarFiles: [{ file: '/etc/passwd' }],
  removeCalendarFile: [{}, { file: 42 }, { file: huge }, { file: 'a.ics', extra: 1 }],
  reloadCalendars: [{ file: 'a.ics' }],
  matchAttendee: [
    {},
    { attendee: '', personId: validId, is: true },
    { attendee: huge, personId: validId, is: true },
    { attendee: 'ana@acme.example', personId: '../x', is: true },
    { attendee: 'ana@acme.example', personId: validId, is: 'yes' },
    { attendee: 'ana@acme.example', personId: validId }
  ],
  getMe: [{ me: true }],
  updateMe: [{ me: { name: huge } }, { me: { name: 'Sam', extra: 1 } }]
}

let journal: TempJournal

beforeAll(async () => {
  journal = await openTempJournal()
  await journal.handlers.createPerson({ person: { name: 'Existing', company: '', role: '' } })
})
afterAll(() => journal.dispose())

describe('every API call', () => {
  it('has malformed payloads listed in this test', () => {
    expect(Object.keys(malformed).sort()).toEqual([...apiNames].sort())
  })

  it.each(apiNames)('%s refuses malformed payloads with a clear error and leaves the file untouched', async (name) => {
    const before = await fingerprint(journal.file)
    for (const payload of malformed[name]) {
      const result = await dispatch(journal.handlers, name, payload)
      expect(result.ok, `${name} accepted ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('invalid-input')
      expect(result.error.message.length).toBeLessThan(300)
      expect(result.error.message).not.toMatch(/undefined|\[object/)
    }
    expect(await fingerprint(journal.file)).toBe(before)
    expect(({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).isAdmin).toBeUndefined()
  })

  it('refuses names that are not calls', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'deleteEverything', 42, null]) {
      const result = await dispatch(journal.handlers, name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
  })

  it('names the refused field by its path in the call’s argument', async () => {
    const result = await dispatch(journal.handlers, 'updatePerson', { id: validId, patch: { email: 'ana(at)acme' } })
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'That email address does not look right.', field: 'patch.email' }
    })
  })

  it('reports a person that is gone as not-found', async () => {
    const result = await dispatch(journal.handlers, 'deletePerson', { id: validId })
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That person is no longer in the journal.' }
    })
  })
})
