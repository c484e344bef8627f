/**
 * Reading a journal's lock file without taking it, for doctor. The fields are the ones journal-lock.ts
 * writes; its own reader and liveness check are private to the lock.
 */
import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'

export type LockState =
  | { state: 'none' }
  | { state: 'unreadable' }
  | { state: 'held'; pid: number; owner: string; host: string; here: boolean; running: boolean }

export async function readLockFile(path: string): Promise<LockState> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' }
    return { state: 'unreadable' }
  }
  try {
    const record = JSON.parse(text) as { pid?: unknown; host?: unknown; owner?: unknown }
    if (typeof record.pid !== 'number' || typeof record.host !== 'string') return { state: 'unreadable' }
    const here = record.host === hostname()
    return { state: 'held', pid: record.pid, owner: String(record.owner ?? ''), host: record.host, here, running: here && isRunning(record.pid) }
  } catch {
    return { state: 'unreadable' }
  }
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
