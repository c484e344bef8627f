/**
 * One writer per journal. The app and the CLI each take this lock file before writing; a lock left by a
 * process that no longer runs on this machine is taken over, since a crash must not lock the user out.
 */
import { hostname } from 'node:os'
import { open, readFile, rm } from 'node:fs/promises'
import { rmSync } from 'node:fs'
import { PRIVATE_FILE_MODE } from './durable-write.ts'

export type LockOwner = 'app' | 'cli' | 'test'

interface LockRecord {
  pid: number
  host: string
  owner: LockOwner
  since: string
}

/** Another live process holds the journal. The message is shown to the user as it is. */
export class JournalLocked extends Error {
  override name = 'JournalLocked'
}

export class JournalLock {
  #path: string
  #released = false
  #onExit = () => this.releaseSync()

  private constructor(path: string) {
    this.#path = path
    process.once('exit', this.#onExit)
  }

  static async acquire(path: string, owner: LockOwner): Promise<JournalLock> {
    const record: LockRecord = { pid: process.pid, host: hostname(), owner, since: new Date().toISOString() }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const file = await open(path, 'wx', PRIVATE_FILE_MODE)
        await file.writeFile(JSON.stringify(record))
        await file.close()
        return new JournalLock(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const holder = await readLock(path)
      if (holder && isAlive(holder)) throw new JournalLocked(describeHolder(holder))
      // The holder is gone (or the lock is unreadable junk): clear it and try once more.
      await rm(path, { force: true })
    }
    throw new JournalLocked('The journal is being opened by another program right now. Try again in a moment.')
  }

  async release(): Promise<void> {
    if (this.#released) return
    this.#released = true
    process.off('exit', this.#onExit)
    await rm(this.#path, { force: true })
  }

  releaseSync(): void {
    if (this.#released) return
    this.#released = true
    rmSync(this.#path, { force: true })
  }
}

/** A lock as rapport doctor sees it, without taking it. */
export type LockState =
  | { state: 'none' }
  | { state: 'unreadable' }
  | { state: 'held'; pid: number; owner: string; host: string; here: boolean; running: boolean }

export async function readLockState(path: string): Promise<LockState> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { state: 'none' } : { state: 'unreadable' }
  }
  const holder = parseLock(text)
  if (!holder) return { state: 'unreadable' }
  const here = holder.host === hostname()
  return {
    state: 'held',
    pid: holder.pid,
    owner: typeof holder.owner === 'string' ? holder.owner : '',
    host: holder.host,
    here,
    running: here && isRunning(holder.pid)
  }
}

async function readLock(path: string): Promise<LockRecord | null> {
  return parseLock(await readFile(path, 'utf8').catch(() => ''))
}

/** null when unreadable: a writer died between creating and filling it. */
function parseLock(text: string): LockRecord | null {
  try {
    const value = JSON.parse(text) as Partial<LockRecord>
    if (typeof value.pid === 'number' && typeof value.host === 'string') return value as LockRecord
  } catch {
    // Not JSON: unreadable.
  }
  return null
}

function isAlive(holder: LockRecord): boolean {
  // A lock from another machine (a synced folder) cannot be checked, so it is honoured.
  if (holder.host !== hostname()) return true
  if (holder.pid === process.pid) return false
  return isRunning(holder.pid)
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function describeHolder(holder: LockRecord): string {
  const who = holder.owner === 'cli' ? 'a rapport command' : 'Rapport'
  const where = holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`
  return `The journal is open in ${who} (${where}). Close it there first.`
}
