import { spawnSync } from 'node:child_process'
/** rapport search: text for people, a JSON array best first for scripts, and never a write. */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JournalStore } from '../../src/core/journal/journal-store.ts'
import { saveIndex } from '../../src/core/search/saved-index.ts'
import { SearchIndex } from '../../src/core/search/search-index.ts'
import { SEARCH_KINDS } from '../../src/shared/search.ts'
import { withJournal } from '../../src/cli/journal-access.ts'
import { makeTempDir } from '../support/temp-journal.ts'
import { folderSnapshot, rapport, rapportIn, removeAll, seededJournal } from './cli-harness.ts'

let dir = ''
let ids: Awaited<ReturnType<typeof seededJournal>>['ids']
beforeAll(async () => {
  ;({ dir, ids } = await seededJournal())
})
afterAll(() => removeAll(dir))

interface Row {
  kind: string
  id: string
  personId: string
  personName: string
  title: string
  snippet: string
}

describe('rapport search', () => {
  it('prints people with what matched, best first', async () => {
    const run = await rapportIn(dir, 'search', 'pricing')
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('Ana García (CFO, Acme Logistics)')
    expect(run.stdout).toMatch(/^ {2}conversation +Pricing for the Q1 renewal · \d{4}-\d{2}-\d{2}$/m)
    expect(run.stdout).toMatch(/^ {2}follow-up +Send two pricing options/m)
  })

  it('--json prints an array of {kind, id, personId, personName, title, snippet}, best first', async () => {
    const run = await rapportIn(dir, 'search', 'Ana', '--json')
    expect(run.code).toBe(0)
    const rows = JSON.parse(run.stdout) as Row[]
    expect(Array.isArray(rows)).toBe(true)
    expect(rows.length).toBeGreaterThan(1)
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['id', 'kind', 'personId', 'personName', 'snippet', 'title'])
      expect(SEARCH_KINDS).toContain(row.kind)
    }
    // The person whose name was typed comes first, with their own entry; people arrive in rank order, each once.
    expect(rows[0]).toMatchObject({
      kind: 'person',
      id: ids.anaId,
      personId: ids.anaId,
      personName: 'Ana García',
      title: 'Ana García'
    })
    const people = rows.map((row) => row.personId).filter((id, i, all) => all.indexOf(id) === i)
    expect(rows.map((row) => row.personId)).toEqual(
      people.flatMap((id) => rows.filter((row) => row.personId === id).map((row) => row.personId))
    )
    expect(people).toContain(ids.priyaId)
  })

  it('finds every kind of entry, accents and typos forgiven', async () => {
    const kinds = async (query: string) =>
      (JSON.parse((await rapportIn(dir, 'search', query, '--json')).stdout) as Row[]).map(
        (row) => `${row.kind}:${row.title}`
      )
    expect(await kinds('sourdough')).toContain('interest:Sourdough')
    expect(await kinds('month-end close')).toContain('challenge:Month-end close takes ten days')
    expect(await kinds('NDA')).toContain('followUp:Return the signed NDA')
    expect((await kinds('garcia'))[0]).toBe('person:Ana García')
    expect((await kinds('Natarjan'))[0]).toBe('person:Priya Natarajan')
  })

  it('takes the query as several words and honours --limit', async () => {
    const all = JSON.parse((await rapportIn(dir, 'search', 'Ana', '--json')).stdout) as Row[]
    const one = JSON.parse((await rapportIn(dir, 'search', '--limit', '1', 'Ana', '--json')).stdout) as Row[]
    expect(new Set(one.map((row) => row.personId)).size).toBe(1)
    expect(one).toEqual(all.filter((row) => row.personId === ids.anaId))
    const words = JSON.parse((await rapportIn(dir, 'search', 'pricing', 'renewal', '--json')).stdout) as Row[]
    expect(words[0]?.title).toBe('Pricing for the Q1 renewal')
  })

  it('prints only JSON through `npm run -s rapport`, as README shows, so it pipes into a parser', async () => {
    const npm = process.env.npm_execpath
    const [command, args] = npm ? [process.execPath, [npm]] : ['npm', []]
    const run = spawnSync(
      command,
      [...args, 'run', '-s', 'rapport', '--', '--data-dir', dir, 'search', 'pricing', 'renewal', '--json'],
      {
        cwd: resolve(import.meta.dirname, '../..'),
        encoding: 'utf8'
      }
    )
    expect(run.status).toBe(0)
    expect((JSON.parse(run.stdout) as Row[])[0]?.title).toBe('Pricing for the Q1 renewal')
  })

  it('says so when nothing matches: an empty array for --json', async () => {
    expect((await rapportIn(dir, 'search', 'zeppelin')).stdout).toBe('Nothing matches “zeppelin”.\n')
    const run = await rapportIn(dir, 'search', 'zeppelin', '--json')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([])
  })

  it('reads the journal without writing anything, not even a backup', async () => {
    const before = await folderSnapshot(dir)
    await rapportIn(dir, 'search', 'Ana')
    expect(await folderSnapshot(dir)).toEqual(before)
  })

  it('finds the journal through RAPPORT_DATA_DIR, and --data-dir wins over it', async () => {
    const empty = await makeTempDir('rapport-cli-')
    try {
      const viaEnv = await rapport(['search', 'Kenji', '--json'], { RAPPORT_DATA_DIR: dir })
      expect((JSON.parse(viaEnv.stdout) as Row[])[0]?.personName).toBe('Kenji Watanabe')
      const flagWins = await rapport(['search', 'Kenji', '--data-dir', dir], { RAPPORT_DATA_DIR: empty })
      expect(flagWins.code).toBe(0)
      const envOnly = await rapport(['search', 'Kenji'], { RAPPORT_DATA_DIR: empty })
      expect(envOnly.code).toBe(1)
    } finally {
      await removeAll(empty)
    }
  })

  it('refuses, without creating one, when there is no journal yet', async () => {
    const empty = await makeTempDir('rapport-cli-')
    try {
      const run = await rapportIn(join(empty, 'nowhere'), 'search', 'Ana')
      expect(run.code).toBe(1)
      expect(run.stderr).toBe(
        `rapport: No journal at ${join(empty, 'nowhere', 'journal.json')} yet. Open Rapport once, or point --data-dir (or RAPPORT_DATA_DIR) at the folder that holds journal.json.\n`
      )
      expect(existsSync(join(empty, 'nowhere'))).toBe(false)
    } finally {
      await removeAll(empty)
    }
  })
})

describe('the index rapport search and rapport brief use', () => {
  // In-process, from source: the built CLI only trusts indexes saved by the same build (the rules
  // fingerprint hashes the bundled tokeniser's text), which the app's shared bundle is and these tests are not.
  it('is the one Rapport saved while it was made from the journal file as it is, and built otherwise', async () => {
    const { dir: own, file } = await seededJournal()
    try {
      // A saved index carrying a word no note holds, labelled with the journal's own position (snapshot hash + last change): the only
      // way a search can find that word is by reading this index rather than building one.
      const bytes = await readFile(file)
      const stored = await JournalStore.open(file, { readOnly: true })
      const journal = stored.journal
      const first = journal.conversations[0]!
      const marked = {
        ...journal,
        conversations: journal.conversations.with(0, { ...first, body: `${first.body} quokka` })
      }
      await saveIndex(file, SearchIndex.build(marked).snapshot(), stored.position)
      const titles = async () => {
        const response = await withJournal(own, { mode: 'read', mustExist: true, now: new Date() }, ({ call }) =>
          call('search', { query: { text: 'quokka' } })
        )
        return response.groups.flatMap((g) => g.hits.map((h) => h.title))
      }
      expect(await titles()).toEqual([first.title])
      // Once the journal file changes, that index no longer fits it and the notes are read again.
      await writeFile(file, `${bytes.toString('utf8')}\n`)
      expect(await titles()).toEqual([])
    } finally {
      await removeAll(own)
    }
  })
})
