/**
 * Backups live in `backups/` beside the journal. Automatic ones rotate (one a day kept 7 days, one a week
 * kept 4 weeks); the ones taken before a migration or a restore are kept (the newest 10 of each kind).
 * A protected journal's backups are sealed with its key, like the journal (docs/encryption.md).
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BackupInfo } from '../../shared/api.ts'
import type { JournalKey } from '../crypt/journal-key.ts'
import { isSealed, sealFile } from '../crypt/sealed-file.ts'
import { writeFileDurable } from './durable-write.ts'
import { readJournalBytesWith } from './journal-file.ts'

export type BackupKind = BackupInfo['kind']

export const BACKUP_POLICY = {
  daily: 7,
  weekly: 4,
  'pre-migration': 10,
  'pre-restore': 10,
  'pre-passphrase': 10,
  manual: 10
} as const

const BACKUP_NAME = /^(daily|weekly|pre-migration|pre-restore|pre-passphrase|manual)-[A-Za-z0-9-]+\.json$/

export function backupsFolder(journalPath: string): string {
  return join(dirname(journalPath), 'backups')
}

/** Writes one backup of the given bytes (sealed with `key` if they are not already); returns its file name. */
export async function writeBackup(
  journalPath: string,
  kind: BackupKind,
  bytes: string | Uint8Array,
  now: Date,
  key: JournalKey | null = null
): Promise<string> {
  const folder = backupsFolder(journalPath)
  await mkdir(folder, { recursive: true, mode: 0o700 })
  const name = `${kind}-${stampFor(kind, now)}.json`
  await writeFileDurable(join(folder, name), sealedWith(bytes, key))
  await prune(folder, kind)
  return name
}

/**
 * Takes today's and this week's automatic backups if they are not there yet. The bytes are asked for only
 * then: a snapshot of a large journal costs a second, which most opens need not pay.
 */
export async function rotateBackups(
  journalPath: string,
  bytes: () => Promise<string | Uint8Array>,
  now: Date,
  key: JournalKey | null = null
): Promise<void> {
  const folder = backupsFolder(journalPath)
  const existing = new Set(await listNames(folder))
  for (const kind of ['daily', 'weekly'] as const) {
    if (!existing.has(`${kind}-${stampFor(kind, now)}.json`))
      await writeBackup(journalPath, kind, await bytes(), now, key)
  }
}

/** Every backup, newest first, each read (with a protected journal's key) and checked so the user can pick a good one. */
export async function listBackups(journalPath: string, key: JournalKey | null = null): Promise<BackupInfo[]> {
  const folder = backupsFolder(journalPath)
  const infos = await Promise.all(
    (await listNames(folder)).map(async (name): Promise<BackupInfo> => {
      const path = join(folder, name)
      const [info, bytes] = await Promise.all([stat(path), readFile(path)])
      return {
        name,
        kind: kindOf(name),
        createdAt: info.mtime.toISOString(),
        sizeBytes: info.size,
        problem: problemOf(bytes, key)
      }
    })
  )
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}

export function backupPath(journalPath: string, name: string): string {
  if (!BACKUP_NAME.test(name)) throw new Error(`backups: “${name}” is not a backup file name`)
  return join(backupsFolder(journalPath), name)
}

function kindOf(name: string): BackupKind {
  return BACKUP_NAME.exec(name)?.[1] as BackupKind
}

/** Bytes as a backup of a journal with `key` holds them: sealed, if the journal is protected. */
export function sealedWith(bytes: string | Uint8Array, key: JournalKey | null): string | Uint8Array {
  if (!key) return bytes
  const raw = typeof bytes === 'string' ? Buffer.from(bytes) : bytes
  return isSealed(raw) ? raw : sealFile(key, raw)
}

function problemOf(bytes: Uint8Array, key: JournalKey | null): string {
  try {
    readJournalBytesWith(bytes, key)
    return ''
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

async function listNames(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => BACKUP_NAME.test(name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

async function prune(folder: string, kind: BackupKind): Promise<void> {
  // Stamps sort in time order, so the newest are last.
  const names = (await listNames(folder)).filter((name) => name.startsWith(`${kind}-`)).sort()
  const surplus = names.slice(0, Math.max(0, names.length - BACKUP_POLICY[kind]))
  await Promise.all(surplus.map((name) => rm(join(folder, name), { force: true })))
}

function stampFor(kind: BackupKind, now: Date): string {
  if (kind === 'daily') return localDate(now)
  if (kind === 'weekly') return isoWeek(now)
  return now.toISOString().replace(/[:.]/g, '-')
}

function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** ISO 8601 week, e.g. 2026-W48: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}
