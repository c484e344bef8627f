/**
 * `npm run bench:paint [-- --sizes M] [-- --json] [-- --smoke]`: what a seller sees, not what the index
 * answers. The built renderer runs in Chromium against the real core (tests/e2e/app.ts) over a generated
 * journal; a key is pressed in the quick switcher and the time until its results are painted is taken in
 * the page (the key's own event time, to the frame after the results list stops being aria-busy). Then the
 * brief is opened from the switcher with Ctrl+Enter and timed the same way, to the frame after it shows.
 * Needs `npm run build` first. `--smoke` (CI) checks that it runs, on a few keystrokes: not figures to record.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { writeFileDurable } from '../src/core/journal/durable-write.ts'
import { serializeJournal } from '../src/core/journal/journal-file.ts'
import { launchBrowser, openUi, startApp } from '../tests/e2e/app.ts'
import { BENCH_NOW, generateJournal, SIZES } from './generate.ts'
import { percentile, round } from './measure.ts'
import { armProbe, installPaintProbe, nextSample } from './paint-probe.ts'
import { makeQueries } from './queries.ts'
import { Random } from './random.ts'
import { benchArgs } from './args.ts'
import type { SizeName } from './args.ts'

const { json, smoke, sizes, log } = benchArgs('M')

/** Queries typed letter by letter (at least 100 keystrokes), and people whose brief is opened. */
const QUERIES = smoke ? 5 : 20
const BRIEFS = smoke ? 2 : 30

const stats = (samples: readonly number[]) => ({
  count: samples.length,
  p50: round(percentile(samples, 50)),
  p95: round(percentile(samples, 95)),
  max: round(Math.max(...samples))
})

async function runSize(size: SizeName): Promise<Record<string, unknown>> {
  log(`\n${size}: ${SIZES[size].people} people, ${SIZES[size].entries} entries`)
  const { journal } = generateJournal(SIZES[size], BENCH_NOW)
  const dir = await mkdtemp(join(tmpdir(), `rapport-paint-${size}-`))
  await writeFileDurable(join(dir, 'journal.json'), serializeJournal(journal))
  const opened = performance.now()
  const app = await startApp(dir)
  const openMs = performance.now() - opened
  // The core's own share of each call, measured where the IPC handler would run it.
  const core = { search: [] as number[], brief: [] as number[] }
  const { search, getBrief } = app.journal.handlers
  app.journal.handlers.search = async (input) => {
    const result = await search(input)
    core.search.push(result.tookMs)
    return result
  }
  app.journal.handlers.getBrief = async (input) => {
    const started = performance.now()
    const result = await getBrief(input)
    core.brief.push(performance.now() - started)
    return result
  }
  const browser = await launchBrowser()
  try {
    const ui = await openUi(browser, app)
    const { page } = ui
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
    await installPaintProbe(page)
    const typed = await typeQueries(page, makeQueries(journal, new Random(11), QUERIES), core.search)
    const briefs = await openBriefs(
      page,
      journal.people.slice(0, BRIEFS).map((p) => p.name)
    )
    await ui.close()
    const result = {
      openMs: round(openMs),
      keystrokeToPaint: stats(typed.paint),
      indexQuery: stats(typed.core),
      briefToPaint: stats(briefs),
      briefCore: stats(core.brief)
    }
    log(
      [
        `  open (load + index)   ${result.openMs} ms`,
        `  keystroke → paint     p50 ${result.keystrokeToPaint.p50} ms, p95 ${result.keystrokeToPaint.p95} ms, max ${result.keystrokeToPaint.max} ms (${result.keystrokeToPaint.count} keystrokes)`,
        `  index, same queries   p50 ${result.indexQuery.p50} ms, p95 ${result.indexQuery.p95} ms`,
        `  Ctrl+Enter → brief    p50 ${result.briefToPaint.p50} ms, p95 ${result.briefToPaint.p95} ms, max ${result.briefToPaint.max} ms (${result.briefToPaint.count} briefs)`,
        `  getBrief in the core  p50 ${result.briefCore.p50} ms, p95 ${result.briefCore.p95} ms`
      ].join('\n')
    )
    return result
  } finally {
    await browser.close()
    await app.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Types each query a key at a time, waiting for each key's results to be painted; returns those times and
 * the core's own time for each key's question (pushed to `coreTimes` by the search handler).
 */
async function typeQueries(
  page: Page,
  texts: readonly string[],
  coreTimes: readonly number[]
): Promise<{ paint: number[]; core: number[] }> {
  await page.keyboard.press('Control+K')
  const box = page.getByRole('combobox', { name: 'Search people and notes' })
  await box.waitFor()
  const paint: number[] = []
  const core: number[] = []
  for (const text of texts) {
    await box.fill('')
    for (let end = 1; end <= text.length; end++) {
      const asked = coreTimes.length
      await armProbe(page, 'results', text.slice(0, end))
      await page.keyboard.type(text.charAt(end - 1))
      paint.push(await nextSample(page))
      if (coreTimes.length > asked) core.push(coreTimes.at(-1)!)
    }
  }
  await page.keyboard.press('Escape')
  return { paint, core }
}

/** Opens each person's brief from the switcher with Ctrl+Enter; the time until it is painted. */
async function openBriefs(page: Page, names: readonly string[]): Promise<number[]> {
  const times: number[] = []
  for (const name of names) {
    await page.evaluate(() => (location.hash = '#/today'))
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
    await page.keyboard.press('Control+K')
    const box = page.getByRole('combobox', { name: 'Search people and notes' })
    await box.fill(name)
    await page.locator('#switcher-results[aria-busy="false"] [role="option"]').first().waitFor()
    await armProbe(page, 'brief', name)
    await page.keyboard.press('Control+Enter')
    times.push(await nextSample(page))
  }
  return times
}

const results: Record<string, Record<string, unknown>> = {}
for (const size of sizes) results[size] = await runSize(size)
if (json) console.log(JSON.stringify(results))
