/**
 * Runs the BUILT `rapport` command (out/main/cli.js) as a child process, the way a terminal or a script
 * would, against temp journals made through the same core the app uses.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach } from 'vitest'
import { createHandlers } from '../../src/core/api/handlers.ts'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { makeTempDir } from '../support/temp-journal.ts'

export const CLI = resolve(import.meta.dirname, '../../out/main/cli.js')
export { CONTACTS } from '../support/contacts.ts'

// The command's modules compiled once, then reused by the hundreds of runs the tests make (a tenth of each
// run's CPU); the cache only skips compiling, the code run is the same.
const COMPILE_CACHE = join(tmpdir(), 'rapport-cli-compile-cache')

/** A child's whole environment: PATH, HOME, the compile cache and `env` (nothing else of ours leaks in). */
const childEnv = (env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_COMPILE_CACHE: COMPILE_CACHE,
  ...env
})

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export function assertCliBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`cli tests: ${CLI} is missing; run npm run build first.`)
}

/** `rapport <args>` with only the environment given (plus PATH), so a developer's RAPPORT_DATA_DIR cannot leak in. */
export function rapport(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  assertCliBuilt()
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        env: childEnv(env),
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        done({ code, stdout, stderr })
      }
    )
  })
}

/** `rapport <args>` with `input` on its stdin (for “rapport log <name> -”). */
export function rapportWithInput(args: readonly string[], input: string): Promise<CliRun> {
  assertCliBuilt()
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { env: childEnv(), encoding: 'utf8' },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
      }
    )
    child.stdin?.end(input)
  })
}

/** `rapport --data-dir <dir> <args>`. */
export function rapportIn(dir: string, ...args: string[]): Promise<CliRun> {
  return rapport(['--data-dir', dir, ...args])
}

/** A fresh temp folder holding the seeded seller's journal, closed again (no lock left). */
export async function seededJournal(
  extra?: (api: Handlers) => Promise<void>
): Promise<{ dir: string; file: string; ids: Awaited<ReturnType<typeof seedJournal>> }> {
  const dir = await makeTempDir('rapport-cli-')
  const session = await JournalSession.open(dir, { owner: 'test' })
  const api = createHandlers(session)
  const ids = await seedJournal(api, new Date())
  await extra?.(api)
  await session.close()
  return { dir, file: join(dir, 'journal.json'), ids }
}

export interface FoldersPerTest {
  /** A seeded journal's folder (see seededJournal). */
  journal: () => Promise<{ dir: string; file: string }>
  /** An empty temp folder (for exports, or a journal the test writes itself). */
  scratch: (prefix?: string) => Promise<string>
}

/** Temp folders made during a test, all removed after it: registers the afterEach hook of the file. */
export function foldersPerTest(): FoldersPerTest {
  const dirs: string[] = []
  afterEach(async () => {
    await removeAll(...dirs.splice(0))
  })
  return {
    journal: async () => {
      const made = await seededJournal()
      dirs.push(made.dir)
      return made
    },
    scratch: async (prefix = 'rapport-cli-files-') => {
      const dir = await makeTempDir(prefix)
      dirs.push(dir)
      return dir
    }
  }
}

/** Every file under `dir` with its bytes and modification time: equal snapshots mean nothing was written. */
export async function folderSnapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const info = await stat(path)
    entries[path.slice(dir.length + 1)] = `${info.mtimeMs}:${(await readFile(path)).toString('base64')}`
  }
  return entries
}

export async function removeAll(...dirs: string[]): Promise<void> {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
}
