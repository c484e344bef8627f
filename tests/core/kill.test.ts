/**
 * Real writer processes SIGKILLed at random moments — mid-append, and mid-compaction — and the journal
 * reopened after each: never corrupt, and every change whose promise resolved before the kill is there.
 * CI runs RAPPORT_KILLS (default 100) kills; `npm run kill-test` runs the full 1,000. Each count runs against a
 * clear journal and against one protected with a passphrase (RAPPORT_KILL_VARIANT=clear or encrypted runs one).
 */
import { spawn } from 'node:child_process'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { JournalKey } from '../../src/core/crypt/journal-key.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { storedJournal } from '../support/files.ts'
import { CHEAP_KDF, keyOf, PASSPHRASE } from '../support/protected-journal.ts'
import { makeTempDir } from '../support/temp-journal.ts'

const RUNS = Number(process.env.RAPPORT_KILLS ?? 100)
type Variant = 'clear' | 'encrypted'
const VARIANTS = (['clear', 'encrypted'] as const).filter((v) => (process.env.RAPPORT_KILL_VARIANT ?? v) === v)
const writer = join(import.meta.dirname, 'fixtures', 'writer.ts')
let dir = ''
let cache = ''

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(cache, { recursive: true, force: true })
})

interface Acked {
  adds: string[]
  /** The highest acknowledged edit number of each person edited. */
  edits: Map<string, number>
}

/**
 * Runs the writer and SIGKILLs it a random 0–11 ms after a trigger: its `acks`th acknowledged change, or,
 * when `compactEvery` is set, the first compaction it starts after that.
 */
function runAndKill(
  acks: number,
  delayMs: number,
  compactEvery: number,
  acked: Acked,
  variant: Variant
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, String(compactEvery), variant], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Compiled code cached on disk: each writer starts in a fraction of the time.
      env: { ...process.env, NODE_COMPILE_CACHE: cache }
    })
    let seen = 0
    let buffer = ''
    let stderr = ''
    let killing = false
    const kill = () => {
      if (killing) return
      killing = true
      setTimeout(() => child.kill('SIGKILL'), delayMs)
    }
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      for (const line of lines) {
        const [word, id, n] = line.split(' ')
        // Lines read after the kill was decided still count: their changes resolved before it.
        if (word === 'ack') acked.adds.push(id!)
        if (word === 'edit') acked.edits.set(id!, Math.max(acked.edits.get(id!) ?? 0, Number(n)))
        if (word === 'ack' || word === 'edit') seen++
        const armed = seen >= acks
        if (armed && (compactEvery === 0 ? word !== 'compacting' : word === 'compacting')) kill()
        if (word === 'ready' && acks === 0 && compactEvery === 0) kill()
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve()
      else reject(new Error(`writer exited by itself (code ${code}): ${stderr}`))
    })
  })
}

/** A journal protected with a passphrase (cheap scrypt parameters: the writer unlocks it on every start). */
async function protectedJournal(): Promise<JournalKey> {
  const session = await JournalSession.open(dir, { owner: 'test', kdf: CHEAP_KDF })
  await session.protect(PASSPHRASE)
  await session.close()
  return keyOf(join(dir, 'journal.json'))
}

it.each(VARIANTS)(
  `keeps every acknowledged change (%s journal) after ${RUNS} SIGKILLs mid-append and mid-compaction`,
  async (variant) => {
    await rm(dir, { recursive: true, force: true })
    dir = await makeTempDir('rapport-kill-')
    cache ||= await makeTempDir('rapport-kill-cache-')
    const key = variant === 'encrypted' ? await protectedJournal() : null
    const acked: Acked = { adds: [], edits: new Map() }
    let compactionKills = 0
    for (let run = 0; run < RUNS; run++) {
      // Every other run aims at a compaction (one every 4–9 changes), the others at an append.
      const compactEvery = run % 2 === 1 ? 4 + (run % 6) : 0
      compactionKills += compactEvery > 0 ? 1 : 0
      await runAndKill(run % 7, Math.floor(Math.random() * 12), compactEvery, acked, variant)
      // Read as Rapport reads it (read-only: the next writer is the one that repairs a torn tail).
      const journal = await storedJournal(join(dir, 'journal.json'), key)
      const people = new Map(journal.people.map((p) => [p.id, p]))
      expect(
        acked.adds.filter((id) => !people.has(id)),
        `run ${run}: acknowledged adds lost`
      ).toEqual([])
      for (const [id, n] of acked.edits) {
        const edit = Number(/^edit (\d+)$/.exec(people.get(id)?.role ?? '')?.[1] ?? -1)
        expect(edit, `run ${run}: acknowledged edit of ${id} lost`).toBeGreaterThanOrEqual(n)
      }
    }
    expect(acked.adds.length).toBeGreaterThan(RUNS)
    expect(compactionKills).toBe(Math.floor(RUNS / 2))
    // Killed writers leave a stale lock (and maybe temp files); the next open takes over and clears them.
    const session = await JournalSession.open(dir, { owner: 'test' })
    if (key) expect((await session.status()).state).toBe('locked')
    if (key) expect((await readFile(join(dir, 'journal.json'))).subarray(0, 16).toString()).toBe('RAPPORT-SEALED-1')
    const status = key ? await session.unlock(PASSPHRASE) : await session.status()
    expect(status.state).toBe('ready')
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    await session.close()
    expect((await readdir(dir)).filter((name) => name.endsWith('.lock'))).toEqual([])
  },
  Math.max(600_000, RUNS * 2_000)
)
