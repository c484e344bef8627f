import { spawn } from 'node:child_process'
import { readdir, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { makeTempDir } from '../support/temp-journal.ts'

let dir = ''
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const lockOf = (pid: number, owner = 'app', host = hostname()) =>
  JSON.stringify({ pid, host, owner, since: new Date().toISOString() })

describe('the journal lock', () => {
  it('tells a second process that the journal is open in Rapport', async () => {
    dir = await makeTempDir()
    // Our parent process is alive and is not us: as good as a running Rapport.
    await writeFile(join(dir, 'journal.json.lock'), lockOf(process.ppid))
    await expect(JournalSession.open(dir, { owner: 'cli' })).rejects.toThrow(
      `The journal is open in Rapport (process ${process.ppid}). Close it there first.`
    )
    expect(await readdir(dir)).toEqual(['journal.json.lock'])
  })

  it('honours a lock taken by another machine sharing the folder', async () => {
    dir = await makeTempDir()
    await writeFile(join(dir, 'journal.json.lock'), lockOf(1, 'cli', 'other-laptop'))
    await expect(JournalSession.open(dir, { owner: 'app' })).rejects.toThrow(
      /open in a rapport command \(process 1 on other-laptop\)/
    )
  })

  it('takes over a lock left by a process that has died', async () => {
    dir = await makeTempDir()
    const child = spawn(process.execPath, ['-e', ''])
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)))
    await writeFile(join(dir, 'journal.json.lock'), lockOf(deadPid))
    const session = await JournalSession.open(dir, { owner: 'app' })
    expect((await session.status()).state).toBe('ready')
    await session.close()
  })

  it('takes over an empty lock file left by a crash mid-creation', async () => {
    dir = await makeTempDir()
    await writeFile(join(dir, 'journal.json.lock'), '')
    const session = await JournalSession.open(dir, { owner: 'app' })
    await session.close()
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
