import { describe, expect, it, vi } from 'vitest'
import { apiNames } from '../../src/shared/api.ts'
import { COMMAND_CHANNEL } from '../../src/shared/app-commands.ts'
import { electronMock, exposed, rendererListeners } from './electron-mock.ts'

vi.mock('electron', () => electronMock)
await import('../../src/preload/index.ts')

describe('the preload bridge', () => {
  const bridge = exposed.get('rapport') as Record<string, (input?: unknown) => Promise<unknown>>

  it('exposes exactly one method per API call as window.rapport, plus onCommand, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['rapport'])
    expect(Object.keys(bridge).sort()).toEqual([...apiNames, 'onCommand'].sort())
    for (const method of Object.values(bridge)) expect(method).toBeTypeOf('function')
  })

  it('passes only known commands to the page, never the Electron event, and stops on request', () => {
    const received: unknown[] = []
    const stop = (bridge.onCommand as unknown as (l: (c: unknown) => void) => () => void)((command) =>
      received.push(command)
    )
    const listeners = rendererListeners.get(COMMAND_CHANNEL)!
    for (const listener of listeners) {
      listener({ sender: 'electron-internals' }, 'go-today')
      listener({ sender: 'electron-internals' }, 'rm -rf /')
    }
    expect(received).toEqual(['go-today'])
    stop()
    expect(rendererListeners.get(COMMAND_CHANNEL)).toEqual([])
  })

  it('passes a command’s detail when it is ids, and drops the command when it is anything else', () => {
    const received: unknown[][] = []
    const stop = (bridge.onCommand as unknown as (l: (...args: unknown[]) => void) => () => void)((...args) =>
      received.push(args)
    )
    for (const listener of rendererListeners.get(COMMAND_CHANNEL)!) {
      listener({}, 'open-brief', 'a1b2c3d4-0000-4000-8000-000000000001,c0ffee00-0000-4000-8000-000000000002')
      listener({}, 'open-brief', '<img src=x onerror=alert(1)>')
      listener({}, 'open-brief', { ids: ['x'] })
      listener({}, 'calendar-changed')
    }
    expect(received).toEqual([
      ['open-brief', 'a1b2c3d4-0000-4000-8000-000000000001,c0ffee00-0000-4000-8000-000000000002'],
      ['calendar-changed', '']
    ])
    stop()
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
