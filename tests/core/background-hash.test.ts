/**
 * A big journal's SHA-256 is worked out on a thread of its own while the launch parses the file
 * (journal/background-hash.ts): the same hash as here, the bytes handed over rather than copied.
 */
import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BackgroundHash, OWN_THREAD_FROM } from '../../src/core/journal/background-hash.ts'

const expected = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('the hash of a journal file', () => {
  it('of a big file comes from its own thread, equal to the hash worked out here, and takes the bytes', async () => {
    const bytes = randomBytes(OWN_THREAD_FROM + 12_345)
    const want = expected(bytes)
    const hash = new BackgroundHash(bytes.byteLength).of(bytes, '/nonexistent/journal.json')
    // Handed over: nothing is left to read here, so nothing was copied.
    expect(bytes.byteLength).toBe(0)
    expect(await hash).toBe(want)
  })

  it('of a view into a larger buffer hashes only the view', async () => {
    const pool = randomBytes(OWN_THREAD_FROM + 4096)
    const view = pool.subarray(100, OWN_THREAD_FROM + 100)
    const want = expected(view)
    expect(await new BackgroundHash(view.byteLength).of(view, '/nonexistent/journal.json')).toBe(want)
  })

  it('of a small file is worked out here, leaving its bytes', async () => {
    const bytes = Buffer.from('{"schemaVersion":5,"people":[]}\n')
    expect(await new BackgroundHash(bytes.byteLength).of(bytes, '/nonexistent/journal.json')).toBe(expected(bytes))
    expect(bytes.byteLength).toBeGreaterThan(0)
  })

  it('stops its thread when the file turns out unreadable, before or after it had the bytes', async () => {
    const unused = new BackgroundHash(OWN_THREAD_FROM)
    unused.cancel()
    const bytes = randomBytes(OWN_THREAD_FROM)
    const handedOver = new BackgroundHash(bytes.byteLength)
    void handedOver.of(bytes, '/nonexistent/journal.json')
    handedOver.cancel()
    // No unhandled rejection: vitest fails the run on one.
  })
})
