/**
 * One launch of Rapport's core, in a process of its own: `node bench/launch.ts <folder> <mode>` opens the
 * journal in the folder (see LaunchMode) and prints the times as one JSON line. A real
 * launch starts with an empty heap; the benchmark's own process, full of the journals it generated, would
 * make every launch look slower than it is.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { JOURNAL_FILE, JournalSession } from '../src/core/journal/journal-session.ts'
import { JournalStore } from '../src/core/journal/journal-store.ts'
import { savedIndexPath } from '../src/core/search/saved-index.ts'
import { SearchIndex } from '../src/core/search/search-index.ts'
import { indexWasSaved } from '../tests/support/index-origin.ts'
import { keyOf } from '../tests/support/protected-journal.ts'
import { BENCH_NOW } from './generate.ts'

/**
 * build: open the journal, then build its index, timing each; launch: the app's launch without a saved
 * index; saved: the app's launch with one; encrypted: a protected journal's launch with its saved index, the key
 * already unlocked (the unlock is measured apart).
 */
export type LaunchMode = 'build' | 'launch' | 'saved' | 'encrypted'

export interface Launch {
  /** Opening the journal (build only). */
  loadMs: number
  /** Building the index once the journal is open (build only). */
  indexMs: number
  /** From the start until the journal is open and its index ready. */
  totalMs: number
}

async function launch(folder: string, mode: LaunchMode): Promise<Launch> {
  const path = join(folder, JOURNAL_FILE)
  // Only a launch "with" may find a saved index (the benchmark's own process may have left one).
  const withIndex = mode === 'saved' || mode === 'encrypted'
  if (!withIndex) await rm(savedIndexPath(path), { force: true })
  const key = mode === 'encrypted' ? await keyOf(path) : null
  const started = performance.now()
  if (mode === 'build') {
    const store = await JournalStore.open(path, { now: () => BENCH_NOW })
    const loaded = performance.now()
    SearchIndex.build(store.journal)
    const done = performance.now()
    return { loadMs: loaded - started, indexMs: done - loaded, totalMs: done - started }
  }
  const session = await JournalSession.open(folder, { owner: 'app', now: () => BENCH_NOW, key })
  session.index()
  const totalMs = performance.now() - started
  if (indexWasSaved(session) !== withIndex) throw new Error(`bench: the saved index was ${withIndex ? 'not ' : ''}used`)
  return { loadMs: NaN, indexMs: NaN, totalMs }
}

/** Runs `count` launches one after another, each in a new process, and returns each one's times. */
export function launches(folder: string, mode: LaunchMode, count: number): Launch[] {
  const script = fileURLToPath(import.meta.url)
  return Array.from({ length: count }, () => {
    const run = spawnSync(process.execPath, [...process.execArgv, script, folder, mode], { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`bench: a launch failed: ${run.stderr}`)
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Launch
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, mode] = process.argv.slice(2)
  console.log(JSON.stringify(await launch(folder!, mode as LaunchMode)))
  // The launch is measured; the lock's release and the rest of a shutdown are not waited for.
  process.exit(0)
}
