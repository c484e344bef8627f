/**
 * One launch of Rapport's core, in a process of its own: `node bench/launch.ts <journal> [--saved]` opens the
 * journal and makes its search index — built from scratch, or read back from the saved index with `--saved`
 * — then prints the times as one JSON line. A real launch starts with an empty heap; the benchmark's own
 * process, full of the journals it generated, would make every launch look slower than it is.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { JournalStore } from '../src/main/core/journal-store.ts'
import { readSavedIndex } from '../src/main/core/search/saved-index.ts'
import { SearchIndex } from '../src/main/core/search/search-index.ts'
import { BENCH_NOW } from './generate.ts'

export interface Launch {
  /** Opening the journal: read, parse, validate. */
  loadMs: number
  /** Making the index after that: built from the notes, or read from the saved index. */
  indexMs: number
  totalMs: number
}

async function launch(path: string, saved: boolean): Promise<Launch> {
  const started = performance.now()
  const store = await JournalStore.open(path, { now: () => BENCH_NOW })
  const loaded = performance.now()
  const index = saved ? await readSavedIndex(path, store.journal, store.fileHash) : await SearchIndex.build(store.journal)
  if (!index) throw new Error('bench: the saved index was not used')
  const done = performance.now()
  return { loadMs: loaded - started, indexMs: done - loaded, totalMs: done - started }
}

/** Runs `count` launches one after another, each in a new process, and returns each one's times. */
export function launches(path: string, saved: boolean, count: number): Launch[] {
  const script = fileURLToPath(import.meta.url)
  return Array.from({ length: count }, () => {
    const run = spawnSync(process.execPath, [...process.execArgv, script, path, ...(saved ? ['--saved'] : [])], { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`bench: a launch failed: ${run.stderr}`)
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Launch
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [path, flag] = process.argv.slice(2)
  console.log(JSON.stringify(await launch(path!, flag === '--saved')))
  // The indexing worker may still be winding down; the launch is measured, nothing else is waited for.
  process.exit(0)
}
