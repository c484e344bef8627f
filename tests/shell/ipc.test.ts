import { beforeAll, describe, expect, it, vi } from 'vitest'
import { apiNames } from '../../src/shared/api.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import { electronMock, handled } from './electron-mock.ts'

vi.mock('electron', () => electronMock)
const { setupIpc } = await import('../../src/main/ipc.ts')

const APP = 'file:///opt/Rapport/out/renderer/index.html'
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })

describe('IPC wiring', () => {
  beforeAll(async () => {
    const journal = await openTempJournal()
    setupIpc(journal.handlers, APP)
    return () => journal.dispose()
  })

  it('registers exactly one handler per API call', () => {
    expect([...handled.keys()].sort()).toEqual([...apiNames].sort())
  })

  it('answers the app’s own page', async () => {
    const result = await handled.get('createPerson')!(frame(APP), { person: { name: 'Ana', company: '', role: '' } })
    expect(result).toMatchObject({ ok: true, value: { name: 'Ana' } })
  })

  it('refuses other pages, sub-frames and missing frames without running the call', async () => {
    for (const event of [
      frame('https://evil.example/'),
      frame('file:///tmp/other.html'),
      frame(APP, { url: APP }),
      { senderFrame: null }
    ]) {
      const result = await handled.get('createPerson')!(event, { person: { name: 'Mallory', company: '', role: '' } })
      expect(result).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'This page may not use Rapport’s journal.' }
      })
    }
    const people = (await handled.get('listPeople')!(frame(APP), {})) as { ok: true; value: { name: string }[] }
    expect(people.value.map((p) => p.name)).toEqual(['Ana'])
  })

  it('validates payloads from the app too', async () => {
    expect(await handled.get('deletePerson')!(frame(APP), { id: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
  })
})
