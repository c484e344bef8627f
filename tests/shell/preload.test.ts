import { describe, expect, it, vi } from 'vitest'
import { apiNames } from '../../src/shared/api.ts'
import { electronMock, exposed } from './electron-mock.ts'

vi.mock('electron', () => electronMock)
await import('../../src/preload/index.ts')

describe('the preload bridge', () => {
  const bridge = exposed.get('rapport') as Record<string, (input?: unknown) => Promise<unknown>>

  it('exposes exactly one method per API call as window.rapport, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['rapport'])
    expect(Object.keys(bridge).sort()).toEqual([...apiNames].sort())
    for (const method of Object.values(bridge)) expect(method).toBeTypeOf('function')
  })

  it('sends each call on its own channel with its one argument', async () => {
    for (const name of apiNames) {
      const input = { probe: name }
      const sent = (await bridge[name]!(input)) as { channel: string; payload: unknown }
      expect(sent.channel).toBe(name)
      // Calls without arguments send an empty object, whatever the page passes.
      expect(sent.payload).toEqual(bridge[name]!.length === 0 ? {} : input)
    }
  })
})
