/** The journal file's hash, worked out on another thread for large files: the same SHA-256 either way. */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256, sha256OffThread } from '../../src/main/core/file-hash.ts'

describe('sha256OffThread', () => {
  it('gives the same hash as hashing in place, taking over a large buffer', async () => {
    const large = new Uint8Array(randomBytes(9_000_000))
    const expected = sha256(large)
    expect(await sha256OffThread(large)).toBe(expected)
    // Handed over to the thread, not copied.
    expect(large.length).toBe(0)
  })

  it('hashes small or shared buffers in place, leaving them usable', async () => {
    const small = Buffer.from('{"schemaVersion":2}')
    expect(await sha256OffThread(small)).toBe(sha256('{"schemaVersion":2}'))
    expect(small.toString()).toBe('{"schemaVersion":2}')
    const shared = new Uint8Array(randomBytes(9_000_000).buffer, 8)
    expect(await sha256OffThread(shared)).toBe(sha256(shared))
    expect(shared.length).toBe(9_000_000 - 8)
  })
})
