/** A real journal in a fresh temp folder, opened through the same core the app uses. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RapportBridge } from '../../src/shared/api.ts'
import { createHandlers } from '../../src/core/api/handlers.ts'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { createLocalBridge } from './local-bridge.ts'
import { SettingsFile } from '../../src/core/journal/settings-file.ts'
import type { ShellPort } from '../../src/core/api/shell-port.ts'

export interface TempJournal {
  dir: string
  file: string
  session: JournalSession
  handlers: Handlers
  bridge: RapportBridge
  /** Closes the session (releasing the lock) and deletes the folder. */
  dispose: () => Promise<void>
}

export async function makeTempDir(prefix = 'rapport-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export async function openTempJournal(dir?: string, now?: () => Date, shell?: ShellPort): Promise<TempJournal> {
  const folder = dir ?? (await makeTempDir())
  const session = await JournalSession.open(folder, { owner: 'test', ...(now ? { now } : {}) })
  const settings = await SettingsFile.open(folder)
  const handlers = createHandlers(session, { ...(now ? { now } : {}), settings, ...(shell ? { shell } : {}) })
  return {
    dir: folder,
    file: session.path,
    session,
    handlers,
    bridge: createLocalBridge(handlers),
    dispose: async () => {
      await session.close()
      await rm(folder, { recursive: true, force: true })
    }
  }
}
