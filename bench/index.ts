/**
 * `npm run bench [-- --json] [-- --sizes S,M] [-- --smoke] [-- --calendar-only]`: generates journals of three
 * sizes and measures what a seller feels — load, index, search, save, memory — against the naive
 * fuse.js-over-everything design; then reading a 5,000-event calendar file (`--calendar-only`: that alone).
 * `--smoke` (CI) checks that every measurement runs, with one launch and a few baseline queries: its figures
 * are not the ones to record.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeJournal } from '../src/core/journal/journal-file.ts'
import { writeFileDurable } from '../src/core/journal/durable-write.ts'
import { exportMarkdown } from '../src/core/transfer/export-markdown.ts'
import { planImport } from '../src/core/transfer/import-plan.ts'
import { JournalStore } from '../src/core/journal/journal-store.ts'
import { JournalSession } from '../src/core/journal/journal-session.ts'
import { createHandlers } from '../src/core/api/handlers.ts'
import { measureRewrites, measureSaves } from './saves.ts'
import { applyReplace, exportJournalJson, readJournalExport } from '../src/core/transfer/journal-transfer.ts'
import { parseVCards } from '../src/core/transfer/vcard.ts'
import { csvCandidates, guessMapping, parseCsv } from '../src/core/transfer/csv.ts'
import { contactsCsv } from './contacts-csv.ts'
import { readSavedIndex, saveIndex } from '../src/core/search/saved-index.ts'
import { fuseBaseline } from './baseline.ts'
import { BENCH_NOW, generateJournal, SIZES } from './generate.ts'
import { launches } from './launch.ts'
import type { Launch } from './launch.ts'
import { heapMB, percentile, round, time, timeAsync } from './measure.ts'
import { makeQueries } from './queries.ts'
import { vcards } from './vcards.ts'
import { Random } from './random.ts'
import { benchCalendar } from './calendar.ts'
import { benchArgs } from './args.ts'
import { benchEncrypted } from './encrypted.ts'
import type { SizeName } from './args.ts'

const { json, smoke, sizes: sizesAsked, log } = benchArgs('S,M,L')
const calendarOnly = process.argv.includes('--calendar-only')
const sizes = calendarOnly ? [] : sizesAsked
const now = BENCH_NOW

/**
 * Generates and writes a journal in a function of its own: variables of the top-level loop can outlive
 * their block, and the generated journal must be gone before the heap is measured.
 */
async function writeGenerated(size: SizeName, path: string): Promise<void> {
  const { journal } = generateJournal(SIZES[size], now)
  await writeFileDurable(path, serializeJournal(journal))
}

const LAUNCHES = smoke ? 1 : 5
const median = (runs: Launch[], key: keyof Launch) =>
  round(
    percentile(
      runs.map((run) => run[key]),
      50
    )
  )
const worst = (runs: Launch[], key: keyof Launch) => round(Math.max(...runs.map((run) => run[key])))

const results: Record<string, Record<string, number>> = {}
const baseline: Record<string, Record<string, number>> = {}

/**
 * One size, start to finish, in a function of its own: nothing of a smaller size's run (its journal, index
 * or the fuse.js baseline's index) may still be reachable when a larger size's heap is measured.
 */
async function runSize(size: SizeName): Promise<void> {
  log(`\n${size}: ${SIZES[size].people} people, ${SIZES[size].entries} entries`)
  const dir = await mkdtemp(join(tmpdir(), `rapport-bench-${size}-`))
  const path = join(dir, 'journal.json')
  await writeGenerated(size, path)
  const fileMB = (await stat(path)).size / 1024 / 1024
  // A first launch takes the day's backups; the measured launch is an ordinary one.
  await (await JournalStore.open(path, { now: () => now })).close()

  // Launches, each in a fresh process as a real one is; the median of several, as this VM's speed drifts.
  const cold = launches(dir, 'build', LAUNCHES)
  const appLaunches = launches(dir, 'launch', LAUNCHES)
  // The app's session: the store with its change log, and the index kept current with every change.
  const session = await JournalSession.open(dir, { owner: 'app', now: () => now, compaction: { idleMs: Infinity } })
  const store = session.store()
  const index = session.index()
  const heap = heapMB()

  const random = new Random(7)
  const queries = makeQueries(store.journal, random)
  for (const q of queries.slice(0, 20)) index.search({ text: q }, now)
  const querySamples = queries.map((q) => time(() => index.search({ text: q }, now)).ms)

  // Incremental updates: an edited conversation title, as one save would make.
  const updateSamples: number[] = []
  for (let i = 0; i < 60; i++) {
    const journal = store.journal
    const at = random.int(0, journal.conversations.length - 1)
    const edited = { ...journal.conversations[at]!, title: `${journal.conversations[at]!.title} revised ${i}` }
    const next = { ...journal, conversations: journal.conversations.with(at, edited) }
    updateSamples.push(time(() => index.update(next)).ms)
    index.update(journal)
  }

  const saves = await measureSaves(session, createHandlers(session, { now: () => now }), now)
  const rewrites = await measureRewrites(store.journal, dir, size === 'L' ? 5 : 15)

  // Data out and in: Markdown export, the full JSON backup, and a contacts import (parse and plan).
  const outDir = join(dir, 'export')
  const markdown = await timeAsync(() => exportMarkdown(store.journal, outDir, now))
  const jsonFile = join(dir, 'backup.json')
  const exportJson = await timeAsync(() => writeFileDurable(jsonFile, exportJournalJson(store.journal)))
  const restoreDir = await mkdtemp(join(tmpdir(), `rapport-bench-restore-${size}-`))
  const empty = await JournalStore.open(join(restoreDir, 'journal.json'), { now: () => now })
  const importJson = await timeAsync(async () =>
    applyReplace(empty, readJournalExport(await readFile(jsonFile)), { now })
  )
  await empty.close()
  await rm(restoreDir, { recursive: true, force: true })
  const vcard = new TextEncoder().encode(vcards(store.journal.people.slice(0, 1000)))
  const importVcf = time(() => planImport(store.journal, parseVCards(vcard).candidates))
  // What the import screen does with a 5,000-row Google CSV: read, guess the columns, read the rows, plan.
  const csv = new TextEncoder().encode(contactsCsv(5000))
  // Once to warm up (the app's import screen runs in a process that has long been running), then measured.
  const readCsv = () => {
    const parsed = parseCsv(csv)
    return planImport(store.journal, csvCandidates(parsed, guessMapping(parsed.headers, parsed.rows)).candidates)
  }
  readCsv()
  const importCsv = time(readCsv)
  if (importCsv.value.items.length < 4900) throw new Error('bench: the 5,000-row CSV did not read as 5,000 contacts')

  results[size] = {
    fileMB: round(fileMB),
    coldLoadMs: median(cold, 'loadMs'),
    indexBuildMs: median(cold, 'indexMs'),
    coldLoadPlusIndexMs: median(appLaunches, 'totalMs'),
    coldLoadPlusIndexWorstMs: worst(appLaunches, 'totalMs'),
    incrementalUpdateMs: round(percentile(updateSamples, 50), 2),
    queryMedianMs: round(percentile(querySamples, 50), 2),
    queryP95Ms: round(percentile(querySamples, 95), 2),
    ...saves,
    ...rewrites,
    heapMB: round(heap),
    exportMarkdownMs: round(markdown.ms),
    exportMarkdownFiles: markdown.value.files,
    exportJsonMs: round(exportJson.ms),
    importJsonMs: round(importJson.ms),
    importVcf1000Ms: round(importVcf.ms),
    importCsv5000Ms: round(importCsv.ms),
    importCsv5000CpuMs: round(importCsv.cpuMs)
  }
  log(
    Object.entries(results[size])
      .map(([k, v]) => `  ${k.padEnd(20)} ${v}`)
      .join('\n')
  )

  if (size !== 'L') {
    const fuse = fuseBaseline(
      store.journal,
      queries.filter((_, i) => i % (size === 'S' ? 5 : 15) === 0).slice(0, smoke ? 5 : undefined)
    )
    baseline[size] = { queryMedianMs: round(fuse.queryMedianMs), queryP95Ms: round(fuse.queryP95Ms) }
    log(
      `  baseline fuse.js over everything: median ${baseline[size].queryMedianMs} ms, p95 ${baseline[size].queryP95Ms} ms`
    )
  }
  // The next launch: Rapport saves the index beside the journal on closing, and reads it back on opening.
  await session.close()
  const saveIndexRun = await timeAsync(() => saveIndex(path, index.snapshot(), store.position))
  const indexLoad = await timeAsync(() => readSavedIndex(path, store.journal, store.position))
  if (!indexLoad.value) throw new Error('bench: the saved index could not be read back')
  const relaunches = launches(dir, 'saved', LAUNCHES)
  Object.assign(results[size], {
    indexSaveMs: round(saveIndexRun.ms),
    indexLoadMs: round(indexLoad.ms),
    coldLoadWithSavedIndexMs: median(relaunches, 'totalMs')
  })
  log(
    `  indexSaveMs          ${results[size].indexSaveMs}\n  indexLoadMs          ${results[size].indexLoadMs}\n  coldLoadWithSavedIndexMs ${results[size].coldLoadWithSavedIndexMs}`
  )
  // The same journal protected with a passphrase: saves, launch (unlock excluded) and the unlock itself.
  const encrypted = await benchEncrypted(path, LAUNCHES, smoke ? 1 : 5)
  Object.assign(results[size], encrypted)
  log(
    Object.entries(encrypted)
      .map(([k, v]) => `  ${k.padEnd(20)} ${v}`)
      .join('\n')
  )
  await rm(dir, { recursive: true, force: true })
}

for (const size of sizes) await runSize(size)

// Calendar files: reading a 5,000-event export (target ≤ 300 ms), the app's way.
const calendar = await benchCalendar(5_000, smoke ? 2 : 9)
log(
  `\nCalendar: ${Object.entries(calendar)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`
)

const columns = [
  'fileMB',
  'coldLoadMs',
  'indexBuildMs',
  'coldLoadPlusIndexMs',
  'coldLoadPlusIndexWorstMs',
  'indexLoadMs',
  'coldLoadWithSavedIndexMs',
  'indexSaveMs',
  'incrementalUpdateMs',
  'queryMedianMs',
  'queryP95Ms',
  'saveMedianMs',
  'saveP95Ms',
  'saveMainThreadMaxMs',
  'compactMs',
  'compactMainThreadMaxMs',
  'indexResaveMainThreadMs',
  'encSaveMedianMs',
  'encSaveP95Ms',
  'encLaunchWithSavedIndexMs',
  'unlockMs',
  'rewriteMedianMs',
  'rewriteP95Ms',
  'heapMB',
  'exportMarkdownMs',
  'exportJsonMs',
  'importJsonMs',
  'importVcf1000Ms',
  'importCsv5000Ms',
  'importCsv5000CpuMs'
]
log(`\n| size | ${columns.join(' | ')} |\n| --- | ${columns.map(() => '---').join(' | ')} |`)
for (const [size, row] of Object.entries(results)) log(`| ${size} | ${columns.map((c) => row[c]).join(' | ')} |`)
for (const [size, row] of Object.entries(baseline))
  log(`| ${size} fuse.js baseline | query median ${row.queryMedianMs} ms, p95 ${row.queryP95Ms} ms |`)
if (json) console.log(JSON.stringify({ ...results, baseline, calendar }))
