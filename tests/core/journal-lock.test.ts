import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalLock, JournalLocked, readLockState, releaseLock } from '../../src/core/journal/journal-lock.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { identityOf } from '../../src/core/journal/process-identity.ts'
import { makeTempDir } from '../support/temp-journal.ts'

let dir = ''
const children: ChildProcess[] = []
afterEach(async () => {
  for (const child of children.splice(0)) child.kill()
  await rm(dir, { recursive: true, force: true })
})

/** A lock as Rapport 0.1 wrote it: a process number and a host, nothing that tells one process from another. */
const legacyLock = (pid: number, owner = 'app', host = hostname()) =>
  JSON.stringify({ pid, host, owner, since: new Date().toISOString() })

/** A process that runs until the test ends and is not Rapport: what a reused process number points at. */
async function otherProgram(): Promise<number> {
  const child = spawn('sleep', ['600'])
  children.push(child)
  await new Promise((resolve) => child.once('spawn', resolve))
  return child.pid!
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  return new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)))
}

const lockFile = () => join(dir, 'journal.json.lock')

describe('the journal lock', () => {
  it('tells a second opener that the journal is open in Rapport, naming the process', async () => {
    dir = await makeTempDir()
    const app = await JournalLock.acquire(lockFile(), 'app')
    try {
      await expect(JournalSession.open(dir, { owner: 'cli' })).rejects.toThrow(
        `The journal is open in Rapport (process ${process.pid}). Close it there first.`
      )
    } finally {
      await app.release()
    }
    expect(await readdir(dir)).toEqual([])
  })

  it('records which boot and when its process started, so the number alone never decides', async () => {
    dir = await makeTempDir()
    const lock = await JournalLock.acquire(lockFile(), 'cli')
    const record = JSON.parse(await readFile(lockFile(), 'utf8')) as Record<string, unknown>
    expect(record).toMatchObject({ pid: process.pid, host: hostname(), owner: 'cli', ...identityOf(process.pid) })
    expect(record.token).toMatch(/^[0-9a-f-]{36}$/)
    await lock.release()
  })

  it('honours a lock taken by another machine sharing the folder, and says how to release it', async () => {
    dir = await makeTempDir()
    await writeFile(lockFile(), legacyLock(1, 'cli', 'other-laptop'))
    const refusal = await JournalSession.open(dir, { owner: 'app' }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(JournalLocked)
    expect((refusal as JournalLocked).message).toMatch(/open in a rapport command \(process 1 on other-laptop\)/)
    expect((refusal as JournalLocked).message).toContain('rapport doctor --release-lock')
    expect((refusal as JournalLocked).releasable).toBe(true)
  })

  it('takes over a lock left by a process that has died', async () => {
    dir = await makeTempDir()
    await writeFile(lockFile(), legacyLock(await deadPid()))
    const session = await JournalSession.open(dir, { owner: 'app' })
    expect((await session.status()).state).toBe('ready')
    await session.close()
  })

  it.each([
    ['its process number now belongs to another program (its start time differs)', { started: '12' }, 'reused'],
    [
      'it was taken before the computer restarted, though its number runs again',
      { boot: 'a-boot-long-ago' },
      'rebooted'
    ]
  ] as const)('takes over a lock when %s', async (_case, differs, why) => {
    dir = await makeTempDir()
    const pid = await otherProgram()
    await writeFile(lockFile(), JSON.stringify({ ...JSON.parse(legacyLock(pid)), ...identityOf(pid), ...differs }))
    expect(await readLockState(lockFile())).toMatchObject({ state: 'gone', why })
    const session = await JournalSession.open(dir, { owner: 'app' })
    expect((await session.status()).state).toBe('ready')
    await session.close()
  })

  it('does not take a lock it cannot judge (no start time recorded), but names the program and the way out', async () => {
    dir = await makeTempDir()
    const pid = await otherProgram()
    await writeFile(lockFile(), legacyLock(pid))
    const refusal = (await JournalSession.open(dir, { owner: 'app' }).catch((error: unknown) => error)) as JournalLocked
    expect(refusal).toBeInstanceOf(JournalLocked)
    expect(refusal.message).toContain(`(process ${pid}), or was: a process with that number is running (“sleep 600”)`)
    expect(refusal.message).toContain('rapport doctor --release-lock')
    expect(refusal.releasable).toBe(true)
    // The way out releases exactly that lock; then the journal opens.
    expect(await releaseLock(lockFile(), refusal.seen)).toMatchObject({ state: 'maybe' })
    const session = await JournalSession.open(dir, { owner: 'app' })
    await session.close()
  })

  it('never releases, on the user’s request, a lock whose very process is running', async () => {
    dir = await makeTempDir()
    const app = await JournalLock.acquire(lockFile(), 'app')
    await expect(releaseLock(lockFile())).rejects.toThrow(`The journal is open in Rapport (process ${process.pid}).`)
    expect(await readdir(dir)).toEqual(['journal.json.lock'])
    await app.release()
  })

  it('takes over an empty lock file left by a crash mid-creation', async () => {
    dir = await makeTempDir()
    await writeFile(lockFile(), '')
    const session = await JournalSession.open(dir, { owner: 'app' })
    await session.close()
  })

  it('removes, on taking the lock, what a taker that died left beside it', async () => {
    dir = await makeTempDir()
    const gone = await deadPid()
    await writeFile(
      join(dir, `journal.json.lock.${gone}.0b0e5a4c-9f1e-4a7b-8c1d-2e3f4a5b6c7d.taking`),
      legacyLock(gone)
    )
    await writeFile(join(dir, 'journal.json.lock.0123456789abcdef.breaking'), legacyLock(gone))
    const lock = await JournalLock.acquire(lockFile(), 'app')
    expect(await readdir(dir)).toEqual(['journal.json.lock'])
    await lock.release()
  })

  it('on release, leaves alone a lock that is no longer its own', async () => {
    dir = await makeTempDir()
    const lock = await JournalLock.acquire(lockFile(), 'app')
    await rm(lockFile())
    await writeFile(lockFile(), legacyLock(1, 'cli', 'other-laptop'))
    await lock.release()
    expect(await readdir(dir)).toEqual(['journal.json.lock'])
  })

  it('is released on close, so the next process can open the journal', async () => {
    dir = await makeTempDir()
    const first = await JournalSession.open(dir, { owner: 'app' })
    expect(await readdir(dir)).toContain('journal.json.lock')
    await first.close()
    expect(await readdir(dir)).not.toContain('journal.json.lock')
    const second = await JournalSession.open(dir, { owner: 'cli' })
    await second.close()
  })
})
