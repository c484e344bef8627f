/**
 * Ctrl+C, a closed terminal, a kill: a writing command stopped by SIGINT, SIGHUP or SIGTERM while it holds
 * the journal's lock lets go of the lock before it ends, and the journal still opens as it was or with the
 * change fully in it.
 */
import { spawn } from 'node:child_process'
import { watch } from 'node:fs'
import { readdir, writeFile } from 'node:fs/promises'
import { constants } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { CLI, foldersPerTest } from './cli-harness.ts'

const { journal, scratch } = foldersPerTest()

/** A contacts file big enough that importing it holds the lock for a good while (a second or more). */
async function manyContacts(dir: string): Promise<string> {
  const cards = Array.from(
    { length: 4000 },
    (_, i) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Guest ${i} of the Summit\r\nORG:Delegation ${i % 97}\r\nEMAIL:guest${i}@summit.example\r\nEND:VCARD\r\n`
  )
  const file = join(dir, 'summit-guests.vcf')
  await writeFile(file, cards.join(''))
  return file
}

describe.each(['SIGINT', 'SIGHUP', 'SIGTERM'] as const)('rapport import stopped by %s', (signal) => {
  it('releases the journal’s lock and exits with 128 + the signal’s number', async () => {
    const { dir } = await journal()
    const contacts = await manyContacts(await scratch())
    const child = spawn(process.execPath, [CLI, '--data-dir', dir, 'import', contacts], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // The signal goes the moment the lock appears: the import is then well under way.
    const watcher = watch(dir, (_event, name) => {
      if (name === 'journal.json.lock') {
        watcher.close()
        child.kill(signal)
      }
    })
    const [code, killedBy] = await new Promise<[number | null, string | null]>((done) =>
      child.on('exit', (exitCode, exitSignal) => done([exitCode, exitSignal]))
    )
    watcher.close()
    expect({ code, killedBy }).toEqual({ code: 128 + constants.signals[signal], killedBy: null })
    expect(stderr).toBe(`rapport: stopped by ${signal}; the journal’s lock is released.\n`)
    expect(await readdir(dir)).not.toContain('journal.json.lock')
    // The next writer gets in, and the journal reads.
    const next = await JournalSession.open(dir, { owner: 'cli' })
    expect((await next.status()).state).toBe('ready')
    await next.close()
  })
})
