/** Protected journals for tests: the same scrypt, with parameters cheap enough for hundreds of unlocks. */
import type { KdfParams } from '../../src/core/crypt/kdf.ts'
import { JournalKey } from '../../src/core/crypt/journal-key.ts'
import { findKeyWrap } from '../../src/core/journal/journal-protection.ts'

export const CHEAP_KDF: KdfParams = { name: 'scrypt', N: 1024, r: 8, p: 1 }

export const PASSPHRASE = 'correct horse battery staple'

/** The data key of the protected journal at `path`, as an unlock with `passphrase` gets it. */
export async function keyOf(path: string, passphrase = PASSPHRASE): Promise<JournalKey> {
  const wrap = await findKeyWrap(path)
  if (!wrap) throw new Error(`protected-journal: ${path} is not protected`)
  return JournalKey.unlock(passphrase, wrap)
}
