/**
 * Opening the journal in the app. A lock Rapport cannot judge — it names a process that runs but may be
 * another program that got the number after Rapport stopped, or it was taken on another computer — is put
 * to the user instead of locking them out for good: Quit, or release that very lock and open the journal.
 */
import { dialog } from 'electron'
import { join } from 'node:path'
import { releaseLock } from '../core/journal/journal-lock.ts'
import { JOURNAL_FILE, JournalLocked, JournalSession } from '../core/journal/journal-session.ts'

/** The open journal, or null when the user chose to quit. */
export async function openJournal(dataDir: string): Promise<JournalSession | null> {
  try {
    return await JournalSession.open(dataDir, { owner: 'app' })
  } catch (error) {
    if (!(error instanceof JournalLocked) || !error.releasable) throw error
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Rapport',
      message: 'The journal may be open in another program',
      detail: `${error.message.replace(/ If Rapport is not open.*$/, '')}\n\nOpen Anyway only if Rapport is not open anywhere else: two copies writing to one journal can lose changes.`,
      buttons: ['Quit', 'Open Anyway'],
      defaultId: 0,
      cancelId: 0,
      noLink: true
    })
    if (response !== 1) return null
    // Only the lock the user was shown: a newer one (a Rapport that started meanwhile) is honoured.
    await releaseLock(`${join(dataDir, JOURNAL_FILE)}.lock`, error.seen)
    return JournalSession.open(dataDir, { owner: 'app' })
  }
}
