/**
 * A health check of a journal's folder (rapport doctor), each check reading only: the journal as a read-only
 * session opened it, every backup, the lock, files left by interrupted saves, and (on POSIX) that only the
 * user can read the journal and its backups.
 */
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { SCHEMA_VERSION } from '../../shared/schema/journal.ts'
import { journalCounts } from '../transfer/journal-transfer.ts'
import { describeCounts } from '../transfer/transfer-words.ts'
import { backupsFolder, listBackups } from './backups.ts'
import { TEMP_FILE_NAME } from './durable-write.ts'
import { describeFsError } from '../fs-errors.ts'
import { octal } from './journal-files.ts'
import { describeHolder, GONE_WHY, holderName, isRunning, readLockState } from './journal-lock.ts'
import type { JournalStore } from './journal-store.ts'

export type FindingLevel = 'ok' | 'note' | 'problem'

export interface Finding {
  level: FindingLevel
  text: string
}

const KEPT_UNREADABLE = /^journal\.unreadable-.+\.(json|log)$/
const PRIVATE_FILE = 0o600
const PRIVATE_FOLDER = 0o700

/** Every finding about the journal at `path`: `store` as a read-only session opened it, or the reason it could not. */
export async function inspectFolder(
  path: string,
  store: JournalStore | null,
  problem: string,
  restorable = true
): Promise<Finding[]> {
  return [
    ...checkJournal(path, store, problem, restorable),
    ...(await checkBackups(path, store)),
    ...(await checkLock(path)),
    ...(await checkLeftovers(path)),
    ...(await checkModes(path))
  ]
}

function checkJournal(path: string, store: JournalStore | null, problem: string, restorable: boolean): Finding[] {
  const name = basename(path)
  // Not a file to restore over (a link, a folder, a pipe): the problem itself says what to do.
  if (!store && !restorable) return [{ level: 'problem', text: problem }]
  if (!store)
    return [
      {
        level: 'problem',
        text: `${name} cannot be read: ${problem} Open Rapport to restore a backup; it keeps the damaged file.`
      }
    ]
  if (!store.found) return [{ level: 'problem', text: `There is no ${name} in ${dirname(path)}.` }]
  const counts = describeCounts(journalCounts(store.journal))
  const findings: Finding[] = [
    { level: 'ok', text: `${name} is a valid journal (schema version ${SCHEMA_VERSION}): ${counts}.` }
  ]
  if (store.key)
    findings.push({ level: 'ok', text: `It is protected with a passphrase: its files are encrypted (AES-256-GCM).` })
  findings.push(...checkLog(path, store))
  if (store.migratedFrom !== null) {
    findings.push({
      level: 'note',
      text: `${name} is written in schema version ${store.migratedFrom}; Rapport upgrades it, after a backup, the next time it opens it.`
    })
  }
  return findings
}

/** The change log beside the snapshot: what it holds, and a torn last record (a save cut off by a crash). */
function checkLog(path: string, store: JournalStore): Finding[] {
  const name = `${basename(path)}.log`
  const { records, bytes, tornBytes, replayed } = store.log
  const held =
    replayed === 0
      ? 'no changes since the last snapshot'
      : `${replayed} change${replayed === 1 ? '' : 's'} since the last snapshot (${size(bytes)})`
  const findings: Finding[] = [{ level: 'ok', text: `${name} is intact: ${held}.` }]
  if (records > replayed) {
    findings.push({
      level: 'note',
      text: `${name} still holds ${records - replayed} change${records - replayed === 1 ? '' : 's'} the snapshot already has (a new snapshot was interrupted); Rapport finishes it the next time it opens the journal.`
    })
  }
  if (tornBytes > 0) {
    findings.push({
      level: 'note',
      text: `${name} ends with a change that was being saved when Rapport stopped (${size(tornBytes)} cut short): it was never confirmed, so it is dropped; Rapport removes it the next time it opens the journal.`
    })
  }
  return findings
}

async function checkBackups(path: string, store: JournalStore | null): Promise<Finding[]> {
  let backups: Awaited<ReturnType<typeof listBackups>>
  try {
    backups = await listBackups(path, store?.key ?? null)
  } catch (error) {
    return [
      { level: 'problem', text: `The backups in ${backupsFolder(path)} cannot be read: ${describeFsError(error)}.` }
    ]
  }
  if (backups.length === 0)
    return [
      {
        level: 'note',
        text: 'No backups yet: Rapport makes them when it opens the journal, and “rapport backup” makes one now.'
      }
    ]
  return backups.map((backup) => {
    const where = `backups/${backup.name} (${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC, ${size(backup.sizeBytes)})`
    return backup.problem === ''
      ? { level: 'ok', text: `${where} is a good backup.` }
      : { level: 'problem', text: `${where} cannot be restored: ${backup.problem}` }
  })
}

async function checkLock(path: string): Promise<Finding[]> {
  const lock = await readLockState(`${path}.lock`)
  const name = `${basename(path)}.lock`
  if (lock.state === 'none') return []
  if (lock.state === 'junk')
    return [
      {
        level: 'problem',
        text: `${name} is not a lock Rapport can read (a writer stopped while making it); Rapport clears it the next time it opens the journal.`
      }
    ]
  if (lock.state === 'gone')
    return [
      {
        level: 'problem',
        text: `${name} was left by process ${lock.record.pid}, which ${GONE_WHY[lock.why]} (it stopped without closing the journal); Rapport takes it over the next time it opens the journal.`
      }
    ]
  if (lock.state === 'running')
    return [
      {
        level: 'note',
        text: `The journal is open in ${holderName(lock.record)} (process ${lock.record.pid}) right now.`
      }
    ]
  // Held by a process this computer cannot vouch for: the user decides, and is told how.
  return [{ level: 'note', text: describeHolder(lock) }]
}

/** Files left by saves that were interrupted, in the journal's folder and in backups/. */
async function checkLeftovers(path: string): Promise<Finding[]> {
  const folder = dirname(path)
  const findings: Finding[] = []
  for (const dir of [folder, backupsFolder(path)]) {
    for (const name of await namesIn(dir)) {
      const temp = TEMP_FILE_NAME.exec(name)
      if (!temp) continue
      const shown = relative(folder, join(dir, name))
      if (isRunning(Number(temp[2])))
        findings.push({ level: 'note', text: `${shown} is a save in progress (process ${temp[2]}).` })
      else
        findings.push({
          level: 'problem',
          text: `${shown} is left over from a save that was interrupted; the journal itself is whole, and the file can be deleted.`
        })
    }
  }
  for (const name of (await namesIn(folder)).filter((n) => KEPT_UNREADABLE.test(n))) {
    findings.push({
      level: 'note',
      text: `${name} is a damaged journal kept when a backup was restored over it; delete it once you no longer need it.`
    })
  }
  return findings
}

/** Only the user may read the journal and its backups (POSIX permissions; Windows folders are per-user already). */
async function checkModes(path: string): Promise<Finding[]> {
  if (process.platform === 'win32') return []
  const folder = dirname(path)
  const backups = backupsFolder(path)
  const expected: Array<[string, number]> = [
    [path, PRIVATE_FILE],
    [`${path}.log`, PRIVATE_FILE],
    ...(await namesIn(folder))
      .filter((n) => KEPT_UNREADABLE.test(n))
      .map((n): [string, number] => [join(folder, n), PRIVATE_FILE]),
    [backups, PRIVATE_FOLDER],
    ...(await namesIn(backups))
      .filter((n) => n.endsWith('.json'))
      .map((n): [string, number] => [join(backups, n), PRIVATE_FILE])
  ]
  const findings: Finding[] = []
  for (const [file, mode] of expected) {
    const actual = await stat(file).then(
      (info) => info.mode & 0o777,
      () => null
    )
    if (actual === null || actual === mode) continue
    const shown = relative(folder, file)
    findings.push({
      level: 'problem',
      text: `${shown} has mode ${octal(actual)}, not ${octal(mode)}${actual & 0o077 ? ': other users of this computer can read it' : ''}. Fix: chmod ${octal(mode).slice(1)} "${file}"`
    })
  }
  return findings
}

async function namesIn(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => [])
}

function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}
