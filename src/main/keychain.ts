/**
 * Remembering a protected journal's key on this computer (Settings → Passphrase, off by default): the data
 * key, encrypted by the OS keychain through Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
 * the Secret Service or KWallet on Linux), in Rapport's own folder — never beside the journal, so a copy of
 * the journal's folder does not carry it. A launch then unlocks without asking; locking still locks.
 * Where safeStorage has no real keychain to use (Linux without one: "basic_text"), nothing is remembered.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import type { Handlers } from '../core/api/handlers.ts'
import { writeFileDurable } from '../core/journal/durable-write.ts'
import type { JournalSession } from '../core/journal/journal-session.ts'

/** The calls after which what is remembered must follow: the key was unlocked, changed or taken off. */
const KEY_CALLS = ['unlockJournal', 'setPassphrase', 'removePassphrase', 'updateSettings'] as const

export class Keychain {
  readonly #folder: string
  readonly #remember: () => boolean

  constructor(appDir: string, remember: () => boolean) {
    this.#folder = join(appDir, 'keychain')
    this.#remember = remember
  }

  /** Unlocks a locked journal with the key remembered for it, if any; a key that no longer fits is forgotten. */
  async restore(session: JournalSession): Promise<void> {
    if (!session.keys.locked || !this.#remember() || !(await available())) return
    const file = this.#fileFor(session)
    const stored = await readFile(file).catch(() => null)
    if (!stored) return
    const data = await safeStorage.decryptStringAsync(stored).then(
      ({ result }) => Buffer.from(result, 'base64'),
      () => null
    )
    const used = data !== null && session.keys.useData(data)
    data?.fill(0)
    if (used) await session.reopen()
    else await rm(file, { force: true })
  }

  /** Remembers the open journal's key when the setting asks for it; otherwise makes sure none is kept. */
  async sync(session: JournalSession): Promise<void> {
    const file = this.#fileFor(session)
    const key = session.keys.key
    if (!key || !this.#remember() || !(await available())) {
      await rm(file, { force: true })
      return
    }
    const data = key.exportData()
    const sealed = await safeStorage.encryptStringAsync(data.toString('base64'))
    data.fill(0)
    await mkdir(this.#folder, { recursive: true, mode: 0o700 })
    await writeFileDurable(file, sealed)
  }

  /** The handlers, with what is remembered brought up to date after each call that changes the key or the setting. */
  follow(handlers: Handlers, session: JournalSession): Handlers {
    const followed = { ...handlers }
    for (const name of KEY_CALLS) {
      const call = handlers[name] as (input: never) => Promise<unknown>
      Object.assign(followed, {
        [name]: async (input: never) => {
          const result = await call(input)
          await this.sync(session).catch((error: unknown) => {
            console.warn(`Rapport could not update the key kept in the keychain: ${(error as Error).message}`)
          })
          return result
        }
      })
    }
    return followed
  }

  #fileFor(session: JournalSession): string {
    // One file per journal, named by its place (the place itself is not written there).
    return join(this.#folder, `${createHash('sha256').update(session.path).digest('hex').slice(0, 32)}.key`)
  }
}

async function available(): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false
  // On Linux without a keychain, safeStorage "encrypts" with a fixed key: that would be the key in clear.
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  return backend !== 'basic_text' && backend !== 'unknown'
}
