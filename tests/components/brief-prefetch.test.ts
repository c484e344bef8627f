/**
 * The brief the quick switcher asks for ahead (state/brief-prefetch.ts): handed out once, for the person it
 * was asked for, only while nothing in the journal has changed and for at most a minute; otherwise asked anew.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RapportBridge } from '../../src/shared/api.ts'
import { BriefPrefetch } from '../../src/renderer/src/state/brief-prefetch.ts'

function bridgeCounting(): { bridge: RapportBridge; asked: string[] } {
  const asked: string[] = []
  const bridge = {
    getBrief: async ({ id }: { id: string }) => {
      asked.push(id)
      return { ok: true, value: { person: { id, name: `Brief ${asked.length}` } } }
    }
  } as unknown as RapportBridge
  return { bridge, asked }
}

const nameOf = async (result: ReturnType<BriefPrefetch['take']>) => {
  const answer = await result
  return answer.ok ? answer.value.person.name : answer.error.message
}

describe('the brief asked for ahead', () => {
  afterEach(() => void vi.useRealTimers())

  it('is handed out once, for its person, without asking main again', async () => {
    const { bridge, asked } = bridgeCounting()
    const briefs = new BriefPrefetch(bridge, () => 0)
    briefs.prefetch('ana')
    briefs.prefetch('ana')
    expect(asked).toEqual(['ana'])
    expect(await nameOf(briefs.take('ana'))).toBe('Brief 1')
    expect(await nameOf(briefs.take('ana'))).toBe('Brief 2')
    expect(asked).toEqual(['ana', 'ana'])
  })

  it('is not handed out for someone else, nor after a change, nor after a minute, nor once the journal is locked', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') })
    const { bridge, asked } = bridgeCounting()
    let revision = 0
    const briefs = new BriefPrefetch(bridge, () => revision)

    briefs.prefetch('ana')
    await briefs.take('kenji')
    briefs.prefetch('ana')
    revision++
    await briefs.take('ana')
    briefs.prefetch('ana')
    vi.advanceTimersByTime(60_000)
    await briefs.take('ana')
    briefs.prefetch('ana')
    briefs.forget()
    await briefs.take('ana')
    expect(asked).toEqual(['ana', 'kenji', 'ana', 'ana', 'ana', 'ana', 'ana', 'ana'])
  })
})
