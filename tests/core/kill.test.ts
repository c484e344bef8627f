import { spawn } from 'node:child_process'
import { readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { readJournalText } from '../../src/core/journal/journal-text.ts'
import { makeTempDir } from '../support/temp-journal.ts'

const RUNS = 100
const writer = join(import.meta.dirname, 'fixtures', 'writer.ts')
// The writer's modules compiled once and reused by the next 99 starts (~2.5× quicker each), so the time goes
// to killing writers, not to starting them.
const compileCache = join(tmpdir(), 'rapport-kill-compile-cache')
let dir = ''

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Runs the writer until it has acknowledged `acks` adds (or started, if 0), then SIGKILLs it. */
function runAndKill(acks: number, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_COMPILE_CACHE: compileCache }
    })
    const acked: string[] = []
    let buffer = ''
    let stderr = ''
    let killing = false
    const kill = () => {
      if (killing) return
      killing = true
      // A random extra delay lands the kill anywhere inside the next write.
      setTimeout(() => child.kill('SIGKILL'), delayMs)
    }
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      for (const line of lines) {
        if (line.startsWith('ack ') && !killing) acked.push(line.slice(4))
        if ((line === 'ready' && acks === 0) || acked.length >= acks) kill()
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked)
      else reject(new Error(`writer exited by itself (code ${code}): ${stderr}`))
    })
  })
}

it(`keeps every acknowledged change after ${RUNS} SIGKILLs mid-write`, async () => {
  dir = await makeTempDir('rapport-kill-')
  const acknowledged: string[] = []
  for (let run = 0; run < RUNS; run++) {
    acknowledged.push(...(await runAndKill(run % 7, Math.floor(Math.random() * 12))))
    const { journal } = readJournalText(await readFile(join(dir, 'journal.json'), 'utf8'))
    const ids = new Set(journal.people.map((p) => p.id))
    const missing = acknowledged.filter((id) => !ids.has(id))
    expect(missing, `run ${run}: acknowledged adds lost`).toEqual([])
  }
  expect(acknowledged.length).toBeGreaterThan(RUNS)
  // Killed writers leave a stale lock (and maybe temp files); the next open takes over and clears them.
  const session = await JournalSession.open(dir, { owner: 'test' })
  expect((await session.status()).state).toBe('ready')
  expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  await session.close()
  expect((await readdir(dir)).filter((name) => name.endsWith('.lock'))).toEqual([])
}, 240_000)
