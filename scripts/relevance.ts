/**
 * `npm run relevance [-- --verbose] [-- --json]`: the search's relevance suite. The project's own journal of
 * 48 people (tests/fixtures/relevance) is opened through a real session, each query goes through the search
 * handler as the quick switcher sends it, and the rank of the person the seller meant is scored: hit@1,
 * hit@3 and mean reciprocal rank (1/rank, 0 when not in the top 10). Fails below the thresholds, which were
 * set from the first honest run of the current ranking (docs/search.md), so a change that makes search
 * worse shows here before a seller notices.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers } from '../src/core/api/handlers.ts'
import { writeFileDurable } from '../src/core/journal/durable-write.ts'
import { serializeJournal } from '../src/core/journal/journal-file.ts'
import { JOURNAL_FILE, JournalSession } from '../src/core/journal/journal-session.ts'
import { PEOPLE, personId, relevanceJournal, RELEVANCE_NOW } from '../tests/fixtures/relevance/journal.ts'
import { QUERIES } from '../tests/fixtures/relevance/queries.ts'

/**
 * Below these the suite fails: the first honest run of the field-weighted ranking (0.975, 1.000, 0.987;
 * docs/search.md) less about one query's worth, so one more miss passes and a second fails.
 */
const THRESHOLDS = { hit1: 0.96, hit3: 0.98, mrr: 0.97 }
const DEPTH = 10

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const json = args.includes('--json')

interface Outcome {
  text: string
  kind: string
  expected: string
  /** 1-based; 0 when not in the top DEPTH. */
  rank: number
  first: string
}

async function run(): Promise<Outcome[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-relevance-'))
  try {
    await writeFileDurable(join(dir, JOURNAL_FILE), serializeJournal(relevanceJournal()))
    const session = await JournalSession.open(dir, { owner: 'cli', readOnly: true, now: () => RELEVANCE_NOW })
    const handlers = createHandlers(session, { now: () => RELEVANCE_NOW })
    const names = new Map(PEOPLE.map((p) => [personId(p.key), p.name]))
    const outcomes: Outcome[] = []
    for (const query of QUERIES) {
      const { groups } = await handlers.search({ query: { text: query.text, limit: DEPTH } })
      const rank = groups.findIndex((g) => g.personId === personId(query.expect)) + 1
      outcomes.push({
        text: query.text,
        kind: query.kind,
        expected: names.get(personId(query.expect)) ?? query.expect,
        rank,
        first: groups[0]?.personName ?? '(nothing)'
      })
    }
    await session.close()
    return outcomes
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const outcomes = await run()
const share = (test: (o: Outcome) => boolean, of = outcomes) => of.filter(test).length / of.length
const round3 = (n: number) => Math.round(n * 1000) / 1000
const figures = {
  queries: outcomes.length,
  people: PEOPLE.length,
  hit1: round3(share((o) => o.rank === 1)),
  hit3: round3(share((o) => o.rank >= 1 && o.rank <= 3)),
  mrr: round3(outcomes.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0) / outcomes.length)
}
const failed = (['hit1', 'hit3', 'mrr'] as const).filter((key) => figures[key] < THRESHOLDS[key])

if (json) console.log(JSON.stringify({ ...figures, outcomes }))
else {
  console.log(`Relevance: ${figures.queries} queries over a journal of ${figures.people} people`)
  console.log(`  hit@1 ${figures.hit1}   hit@3 ${figures.hit3}   MRR ${figures.mrr}`)
  const kinds = [...new Set(outcomes.map((o) => o.kind))]
  const byKind = kinds.map((kind) => {
    const of = outcomes.filter((o) => o.kind === kind)
    return `${kind} ${of.filter((o) => o.rank === 1).length}/${of.length}`
  })
  console.log(`  first by kind: ${byKind.join(', ')}`)
  const misses = outcomes.filter((o) => verbose || o.rank !== 1)
  if (misses.length > 0) console.log(verbose ? '  every query:' : '  not first:')
  for (const o of misses) {
    const where = o.rank === 0 ? `not in the top ${DEPTH}` : `#${o.rank}`
    console.log(`    “${o.text}” (${o.kind}) → ${o.expected} ${where}${o.rank === 1 ? '' : `; first: ${o.first}`}`)
  }
  const limits = `hit@1 ≥ ${THRESHOLDS.hit1}, hit@3 ≥ ${THRESHOLDS.hit3}, MRR ≥ ${THRESHOLDS.mrr}`
  console.log(failed.length === 0 ? `  passed (${limits})` : `  FAILED: below ${limits}`)
}
process.exitCode = failed.length === 0 ? 0 : 1
