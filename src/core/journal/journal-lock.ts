/**
 * One writer per journal. The app and the CLI each take this lock file before writing. It names the process
 * that holds it in a way that survives the process id being reused (process-identity.ts), so a lock left by
 * a crash is taken over, exactly once however many processes try at the same instant (lock-file.ts), and a
 * lock that may or may not be Rapport's is never taken silently: the user is told how to release it.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { breakLock, createExclusive, readLockFile, removeIfStill, removeIfStillSync } from './lock-file.ts'
import { removeTakersLeftovers } from './lock-file.ts'
import type { SeenLock } from './lock-file.ts'
import { commandOf, identityOf, isRunning } from './process-identity.ts'

export { isRunning } from './process-identity.ts'

export type LockOwner = 'app' | 'cli' | 'test'

export interface LockRecord {
  pid: number
  host: string
  owner: string
  since: string
  /** Random, one per holding: a release removes the lock only if it is still this holding's. */
  token?: string
  /** Linux: the boot and the process's start time; with the pid they name one process for all time. */
  boot?: string
  started?: string
}

/** Who holds a lock, as far as this machine can tell. */
export type LockHolder =
  /** Empty or not a lock record: a writer stopped while making it (Rapport before 0.2), or not Rapport's. */
  | { state: 'junk' }
  /** Its process stopped, or the number now belongs to another process, or the machine restarted since. */
  | { state: 'gone'; record: LockRecord; why: 'stopped' | 'reused' | 'rebooted' }
  /** That very process is running (its start time matches), or it is this process. */
  | { state: 'running'; record: LockRecord }
  /** A process with that number runs, but this system cannot tell whether it is the one that took the lock. */
  | { state: 'maybe'; record: LockRecord; command: string }
  /** Taken on another computer (a synced folder): nothing here can tell whether it still runs. */
  | { state: 'elsewhere'; record: LockRecord }

/** Another process holds the journal. The message is shown to the user as it is. */
export class JournalLocked extends Error {
  override name = 'JournalLocked'
  readonly holder: LockHolder | null
  /** The lock as it was judged: the app's "Open Anyway" releases this one only, never a newer one. */
  readonly seen: SeenLock | null

  constructor(message: string, holder: LockHolder | null = null, seen: SeenLock | null = null) {
    super(message)
    this.holder = holder
    this.seen = seen
  }

  /** Rapport cannot prove a live Rapport holds it, so the user may release it (after being told what that means). */
  get releasable(): boolean {
    return this.holder?.state === 'maybe' || this.holder?.state === 'elsewhere'
  }
}

/** The tokens of the locks this process holds. */
const held = new Set<string>()

export class JournalLock {
  #path: string
  #bytes: Buffer
  #token: string
  #released = false
  #onExit: () => void

  private constructor(path: string, bytes: Buffer, token: string, onExit: () => void) {
    this.#path = path
    this.#bytes = bytes
    this.#token = token
    this.#onExit = onExit
    held.add(token)
  }

  static async acquire(path: string, owner: LockOwner): Promise<JournalLock> {
    const token = randomUUID()
    const text = JSON.stringify(recordOf(owner, token))
    const bytes = Buffer.from(text)
    // Armed before the lock exists: a process that exits (a signal's handler) while taking it still lets go.
    const onExit = () => removeIfStillSync(path, bytes)
    process.once('exit', onExit)
    try {
      for (let attempt = 0; attempt < 100; attempt++) {
        if (await createExclusive(path, text)) {
          const lock = new JournalLock(path, bytes, token, onExit)
          await removeTakersLeftovers(path, isStale)
          return lock
        }
        const seen = await readLockFile(path)
        if (!seen) continue
        const holder = judge(seen.bytes)
        if (holder.state !== 'gone' && holder.state !== 'junk')
          throw new JournalLocked(describeHolder(holder), holder, seen)
        // Stale: taken over only if it is still this very lock once no one else can be taking it over.
        if ((await breakLock(path, seen, text, isStale)) === 'busy') await pause(attempt)
      }
      throw new JournalLocked('The journal is being opened by another program right now. Try again in a moment.')
    } catch (error) {
      process.off('exit', onExit)
      throw error
    }
  }

  async release(): Promise<void> {
    if (this.#released) return
    this.#released = true
    held.delete(this.#token)
    process.off('exit', this.#onExit)
    // Only if it is still ours: the user may have released it (rapport doctor --release-lock) and another taken it.
    await removeIfStill(this.#path, this.#bytes)
  }
}

function recordOf(owner: LockOwner, token: string): LockRecord {
  const identity = identityOf(process.pid)
  return { pid: process.pid, host: hostname(), owner, since: new Date().toISOString(), token, ...identity }
}

/** Who holds the lock with these bytes. */
export function judge(bytes: Buffer): LockHolder {
  const record = parseLock(bytes)
  if (!record) return { state: 'junk' }
  if (record.host !== hostname()) return { state: 'elsewhere', record }
  // This process's own number: a lock it holds, or one left by an earlier process that had the number.
  if (record.pid === process.pid)
    return held.has(record.token ?? '') ? { state: 'running', record } : { state: 'gone', record, why: 'reused' }
  if (!isRunning(record.pid)) return { state: 'gone', record, why: 'stopped' }
  const now = identityOf(record.pid)
  if (now && record.boot && record.started) {
    if (now.boot !== record.boot) return { state: 'gone', record, why: 'rebooted' }
    if (now.started !== record.started) return { state: 'gone', record, why: 'reused' }
    return { state: 'running', record }
  }
  return { state: 'maybe', record, command: commandOf(record.pid) }
}

function isStale(bytes: Buffer): boolean {
  const { state } = judge(bytes)
  return state === 'gone' || state === 'junk'
}

function parseLock(bytes: Buffer): LockRecord | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<LockRecord>
    if (typeof value.pid === 'number' && typeof value.host === 'string')
      return { ...value, owner: typeof value.owner === 'string' ? value.owner : '' } as LockRecord
  } catch {
    // Not JSON: junk.
  }
  return null
}

/** A lock as rapport doctor sees it, without taking it. */
export type LockState = { state: 'none' } | LockHolder

export async function readLockState(path: string): Promise<LockState> {
  const seen = await readLockFile(path).catch(() => null)
  return seen ? judge(seen.bytes) : { state: 'none' }
}

/**
 * The user's way out of a lock Rapport cannot judge (rapport doctor --release-lock, the app's Open Anyway):
 * removes it unless its very process is running here. With `only`, only that lock, never a newer one.
 * Returns who held it, or null when there was no lock (or it changed since `only` was read).
 */
export async function releaseLock(path: string, only: SeenLock | null = null): Promise<LockHolder | null> {
  const text = JSON.stringify(recordOf('cli', randomUUID()))
  for (let attempt = 0; attempt < 100; attempt++) {
    const seen = await readLockFile(path)
    if (!seen || (only && (seen.inode !== only.inode || !seen.bytes.equals(only.bytes)))) return null
    const holder = judge(seen.bytes)
    if (holder.state === 'running') throw new JournalLocked(describeHolder(holder), holder, seen)
    const result = await breakLock(path, seen, text, isStale)
    if (result === 'broken') return holder
    if (result === 'busy') await pause(attempt)
  }
  throw new JournalLocked('The journal is being opened by another program right now. Try again in a moment.')
}

/** "Rapport" or "a rapport command": what took the lock. */
export function holderName(record: LockRecord): string {
  return record.owner === 'cli' ? 'a rapport command' : 'Rapport'
}

/** Why a lock could be released, in words: "it named process 12 (“sleep 600”), which …". */
export function describeReleased(holder: LockHolder): string {
  if (holder.state === 'junk') return 'it was not a lock Rapport could read'
  const { record } = holder
  if (holder.state === 'elsewhere') return `it was taken by process ${record.pid} on ${record.host}`
  if (holder.state === 'maybe') {
    const what = holder.command ? ` (“${holder.command}”)` : ''
    return `it named process ${record.pid}${what}, which Rapport could not show to be Rapport`
  }
  if (holder.state === 'gone') return `it was left by process ${record.pid}, which ${GONE_WHY[holder.why]}`
  return `it was taken by process ${record.pid}`
}

const RELEASE = 'If Rapport is not open there, release the lock with “rapport doctor --release-lock”.'

export function describeHolder(holder: LockHolder): string {
  if (holder.state === 'junk') return 'The journal’s lock file is not one Rapport can read.'
  const { record } = holder
  const who = holderName(record)
  if (holder.state === 'elsewhere')
    return `The journal is open in ${who} (process ${record.pid} on ${record.host}). Close it there first. ${RELEASE}`
  if (holder.state === 'maybe') {
    const what = holder.command ? ` (“${holder.command}”)` : ''
    return `The journal is open in ${who} (process ${record.pid}), or was: a process with that number is running${what}, but it may be another program that got the number after Rapport stopped. Close Rapport if it is open. ${RELEASE.replace(' there', '')}`
  }
  if (holder.state === 'gone')
    return `The journal’s lock was left by process ${record.pid}, which ${GONE_WHY[holder.why]}.`
  return `The journal is open in ${who} (process ${record.pid}). Close it there first.`
}

export const GONE_WHY = {
  stopped: 'is no longer running',
  reused: 'is no longer running (another program has that number now)',
  rebooted: 'ran before the computer last restarted'
} as const

/** A short wait while another live process finishes taking over the same stale lock. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(50, 1 + attempt * 2)))
}
