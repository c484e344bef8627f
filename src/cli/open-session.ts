/**
 * Writing commands open the journal the way the app does: JournalSession takes the lock (so they fail
 * with the lock's own message while Rapport has the journal open) and writes durably.
 */
import { JournalSession } from '../core/journal/journal-session.ts'
import type { JournalStore } from '../core/journal/journal-store.ts'
import { CliError } from './cli-error.ts'

export interface OpenJournal {
  session: JournalSession
  store: JournalStore
}

/** Runs `work` with the journal open and locked, and always closes it (releasing the lock). */
export async function withJournal<T>(dataDir: string, work: (journal: OpenJournal) => Promise<T>): Promise<T> {
  const session = await JournalSession.open(dataDir, { owner: 'cli' })
  try {
    const status = await session.status()
    if (status.state === 'unreadable') {
      throw new CliError(`The journal at ${status.file} cannot be read: ${status.problem} Nothing was changed. Run “rapport doctor”, or open Rapport to restore a backup.`)
    }
    return await work({ session, store: session.store() })
  } finally {
    await session.close()
  }
}
