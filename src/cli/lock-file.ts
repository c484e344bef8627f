/**
 * Reading a journal's lock file without taking it, for doctor. The fields are the ones journal-lock.ts
 * writes, and the liveness check is the lock's own.
 */
import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { isRunning } from '../core/journal/journal-lock.ts'

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
