/**
 * Remembering a protected journal's key in the OS keychain (main/keychain.ts), with Electron's safeStorage
 * mocked: off by default; on, a launch opens unlocked; never where the keychain is missing or fake.
 */
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { CHEAP_KDF, PASSPHRASE } from '../support/protected-journal.ts'
import { makeTempDir } from '../support/temp-journal.ts'
import { electronMock, keychainState } from './electron-mock.ts'

vi.mock('electron', () => electronMock)
const { Keychain } = await import('../../src/main/keychain.ts')

const dirs: string[] = []
afterEach(async () => {
  keychainState.available = true
  keychainState.backend = 'gnome_libsecret'
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function setUp(remember: { on: boolean }) {
  const [appDir, dataDir] = [await makeTempDir('rapport-app-'), await makeTempDir('rapport-kc-')]
  dirs.push(appDir, dataDir)
  const keychain = new Keychain(appDir, () => remember.on)
  const session = await JournalSession.open(dataDir, { owner: 'test', kdf: CHEAP_KDF })
  const handlers = keychain.follow(createHandlers(session), session)
  await handlers.createPerson({ person: { name: 'Ada Lovelace', company: '' } })
  await handlers.setPassphrase({ passphrase: PASSPHRASE, noRecovery: true })
  await session.close()
  const kept = async () => readdir(join(appDir, 'keychain')).catch(() => [] as string[])
  const launch = async () => {
    const next = await JournalSession.open(dataDir, { owner: 'test', kdf: CHEAP_KDF })
    await keychain.restore(next)
    return { session: next, handlers: keychain.follow(createHandlers(next), next) }
  }
  return { appDir, kept, launch }
}

describe('the key kept in the OS keychain', () => {
  it('is not kept by default: the next launch asks for the passphrase', async () => {
    const { kept, launch } = await setUp({ on: false })
    expect(await kept()).toEqual([])
    const { session } = await launch()
    expect((await session.status()).state).toBe('locked')
    await session.close()
  })

  it('when asked for, opens the next launch unlocked, encrypted by the keychain; turned off, it is forgotten', async () => {
    const remember = { on: true }
    const { appDir, kept, launch } = await setUp(remember)
    const [file] = await kept()
    expect(file).toMatch(/^[0-9a-f]{32}\.key$/)
    expect((await readFile(join(appDir, 'keychain', file!))).subarray(0, 3).toString()).toBe('kc:')
    const first = await launch()
    expect(await first.session.status()).toMatchObject({ state: 'ready', protected: true, people: 1 })
    remember.on = false
    await first.handlers.updateSettings({ patch: { rememberKey: false } })
    expect(await kept()).toEqual([])
    await first.session.close()
    const second = await launch()
    expect((await second.session.status()).state).toBe('locked')
    await second.session.close()
  })

  it('keeps nothing where the keychain would store the key in clear (Linux without a keychain)', async () => {
    keychainState.backend = 'basic_text'
    const { kept } = await setUp({ on: true })
    expect(await kept()).toEqual([])
  })
})
