import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiNames } from '../../src/shared/api.ts'
import type { ApiName } from '../../src/shared/api.ts'
import { dispatch } from '../../src/main/core/handlers.ts'
import { fingerprint } from '../support/files.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const huge = 'x'.repeat(5_000_000)
const validPerson = { name: 'Ana', company: 'Acme', role: 'CFO' }
const validId = '0b7c9a52-4f7e-4a34-9b8a-3f2f8c1d2e10'

/** Payloads each call must refuse: wrong types, extra keys, prototype keys, oversized strings. */
const malformed: Record<ApiName, unknown[]> = {
  journalStatus: [{ extra: 1 }, 'x', 42, [], JSON.parse('{"__proto__": {"polluted": true}}')],
  reopenJournal: [{ extra: 1 }, 'x', [1]],
  listBackups: [{ extra: 1 }, true],
  restoreBackup: [{}, { name: 42 }, { name: '../journal.json' }, { name: '/etc/passwd' }, { name: `${huge}.json` }, { name: 'daily.json', extra: 1 }],
  listPeople: [{ extra: 1 }, JSON.parse('{"constructor": {"prototype": {}}}')],
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
    { person: { name: 'Ana', company: 'Acme' } }
  ],
  updatePerson: [
    { id: validId },
    { id: 42, person: validPerson },
    { id: '../../etc', person: validPerson },
    { id: huge, person: validPerson },
    { id: validId, person: { ...validPerson, role: huge } }
  ],
  deletePerson: [{}, { id: null }, { id: 'short' }, { id: validId, cascade: true }],
  restorePerson: [
    {},
    { removed: { person: { id: validId, name: 'Ana' }, index: 0 } },
    { removed: { person: { id: validId, ...validPerson, createdAt: 'yesterday', updatedAt: 'now' }, index: 0 } },
    { removed: { person: { id: validId, ...validPerson, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }, index: -1 } }
  ]
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

  it('reports a person that is gone as not-found', async () => {
    const result = await dispatch(journal.handlers, 'deletePerson', { id: validId })
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'That person is no longer in the journal.' } })
  })
})
