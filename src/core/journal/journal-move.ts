/**
 * Moving the journal to another folder, safely: everything is copied durably and read back before Rapport
 * switches to the copy, and the old files are left where they were until the user deletes them.
 */
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { backupsFolder } from './backups.ts'
import { serializeSnapshot } from './snapshot-writer.ts'
import { syncFolder, writeFileDurable } from './durable-write.ts'
import { JOURNAL_FILE } from './journal-session.ts'
import type { JournalSession } from './journal-session.ts'
import { readJournalBytesWith } from './journal-file.ts'
import { sealFile } from '../crypt/sealed-file.ts'
import { RapportError } from '../rapport-error.ts'
import { SETTINGS_FILE } from './settings-file.ts'

export async function moveJournal(session: JournalSession, target: string): Promise<void> {
  const from = dirname(session.path)
  if (target === from) throw new RapportError('invalid-input', 'The journal is already in that folder.')
  if (await exists(join(target, JOURNAL_FILE))) {
    throw new RapportError(
      'invalid-input',
      'That folder already has a journal. Open it instead, or pick an empty folder.'
    )
  }
  // The store must be open (a move of an unreadable journal is refused here, in words).
  const { key } = session.store()
  // The copy is made in the change queue, from the journal as every confirmed change left it; changes asked
  // for meanwhile are refused, so none is confirmed into the old folder after the copy was taken.
  await session.switchTo(target, async (journal) => {
    await mkdir(join(target, 'backups'), { recursive: true, mode: 0o700 })
    // The journal as it stands, snapshot and log together, as a snapshot with an empty log.
    // A protected journal stays sealed in its new place (its backups are copied as they are: sealed too).
    const text = Buffer.from(serializeSnapshot(journal, 0))
    const bytes = key ? sealFile(key, text) : text
    await writeFileDurable(join(target, JOURNAL_FILE), bytes)
    for (const name of await readdir(backupsFolder(session.path)).catch(() => [] as string[])) {
      await copyFile(join(backupsFolder(session.path), name), join(target, 'backups', name))
    }
    await syncFolder(join(target, 'backups'))
    if (await exists(join(from, SETTINGS_FILE))) await copyFile(join(from, SETTINGS_FILE), join(target, SETTINGS_FILE))
    // Read the copy back before trusting it.
    const copied = await readFile(join(target, JOURNAL_FILE))
    if (!copied.equals(bytes))
      throw new RapportError('save-failed', `The copy in ${target} does not match the journal. Nothing was moved.`)
    readJournalBytesWith(copied, key)
  })
}

/** Whether `folder` holds a journal Rapport can switch to (or is a place a new one can start). */
export async function checkJournalFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => null)
  if (!info?.isDirectory()) throw new RapportError('not-found', `${folder} is not a folder.`)
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}
