/**
 * The lock under contention: eight real processes told to take it at the same instant, round after round,
 * with no lock there, with a stale one (its process is gone), with an empty one (junk), and with one whose
 * process number now belongs to another process. Every round exactly one of them holds it and the others are
 * refused naming that one; none ever shares it. CI runs RAPPORT_LOCK_ROUNDS (default 25) rounds of each case;
 * `npm run lock-race` runs 1,000 of each.
 */
import { fork, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identityOf } from '../../src/core/journal/process-identity.ts'
import { makeTempDir } from '../support/temp-journal.ts'

// 25 rounds of each case (100 in all) keep CI's share to a few seconds of CPU; the failures this guards against
// showed up in most rounds.
const ROUNDS = Number(process.env.RAPPORT_LOCK_ROUNDS ?? 25)
const TAKERS = 8
const taker = join(import.meta.dirname, 'fixtures', 'lock-taker.ts')

type Answer = { held?: boolean; message?: string; released?: boolean; ready?: boolean; error?: string }

/** One forked taker, answering its orders in turn. */
class Taker {
  readonly child: ChildProcess
  #waiting: Array<(answer: Answer) => void> = []

  constructor(cache: string) {
    this.child = fork(taker, [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, NODE_COMPILE_CACHE: cache }
    })
    this.child.on('message', (answer: Answer) => this.#waiting.shift()?.(answer))
  }

  next(): Promise<Answer> {
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  ask(order: object): Promise<Answer> {
    const answer = this.next()
    this.child.send(order)
    return answer
  }
}

let dir = ''
let cache = ''
let takers: Taker[] = []
let deadPid = 0

beforeAll(async () => {
  dir = await makeTempDir('rapport-lock-race-')
  cache = await makeTempDir('rapport-lock-race-cache-')
  takers = Array.from({ length: TAKERS }, () => new Taker(cache))
  const ready = await Promise.all(takers.map((t) => t.next()))
  expect(ready.every((answer) => answer.ready)).toBe(true)
  const child = spawn(process.execPath, ['-e', ''])
  deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)))
}, 60_000)

afterAll(async () => {
  for (const t of takers) if (t.child.connected) t.child.send({ do: 'quit' })
  await Promise.all(
    takers.map((t) => new Promise((resolve) => (t.child.exitCode !== null ? resolve(0) : t.child.on('exit', resolve))))
  )
  await rm(dir, { recursive: true, force: true })
  await rm(cache, { recursive: true, force: true })
})

const SCENARIOS = {
  'no lock': async () => undefined,
  'a stale lock': (path: string) =>
    writeFile(path, JSON.stringify({ pid: deadPid, host: hostname(), owner: 'app', since: new Date().toISOString() })),
  'an empty lock': (path: string) => writeFile(path, ''),
  // A live process (this test runner) that got the number of a Rapport that crashed: its start time differs.
  'a lock whose process number was reused': (path: string) =>
    writeFile(path, JSON.stringify({ ...LIVE_RECORD(), started: '1' }))
}

/** A lock record as Rapport writes it, for this very process. */
function LIVE_RECORD() {
  return {
    pid: process.pid,
    host: hostname(),
    owner: 'app',
    since: new Date().toISOString(),
    ...identityOf(process.pid)
  }
}

describe(`${TAKERS} processes taking the lock at once, ${ROUNDS} rounds each`, () => {
  it.each(Object.keys(SCENARIOS) as Array<keyof typeof SCENARIOS>)(
    'with %s: exactly one holds it each round, and the others are told who',
    async (scenario) => {
      const path = join(dir, 'journal.json.lock')
      let doubleHolders = 0
      let noHolder = 0
      for (let round = 0; round < ROUNDS; round++) {
        await SCENARIOS[scenario](path)
        const answers = await Promise.all(takers.map((t) => t.ask({ do: 'take', path })))
        const errors = answers.filter((a) => a.error)
        expect(errors).toEqual([])
        const holders = takers.filter((_, i) => answers[i]!.held)
        if (holders.length > 1) doubleHolders++
        if (holders.length === 0) noHolder++
        if (holders.length === 1) {
          const pid = holders[0]!.child.pid!
          const record = JSON.parse(await readFile(path, 'utf8')) as { pid: number }
          expect(record.pid).toBe(pid)
          for (const a of answers.filter((a) => !a.held)) expect(a.message).toContain(`process ${pid}`)
        }
        await Promise.all(holders.map((t) => t.ask({ do: 'release' })))
        // Nothing is left behind: no lock, no half-made lock, no marker of a takeover.
        expect(await readdir(dir)).toEqual([])
      }
      expect({ doubleHolders, noHolder }).toEqual({ doubleHolders: 0, noHolder: 0 })
    },
    120_000
  )
})
