import { link, lstat, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportMarkdown, renderPersonMarkdown } from '../../src/core/transfer/export-markdown.ts'
import { validateJournal } from '../../src/core/journal/journal-text.ts'
import { SCHEMA_VERSION } from '../../src/shared/schema/journal.ts'
import type { Journal } from '../../src/shared/schema/journal.ts'
import { hasVisible } from '../../src/shared/schema/common.ts'
import { defaultProfile } from '../../src/shared/schema/person.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { stemProblem } from './file-name-rules.ts'

// Monday 23 November 2026, mid-morning local time: every date in the seed is relative to it.
const NOW = new Date(2026, 10, 23, 10, 0)
const GOLDEN = new URL('../fixtures/golden/ana-garcia.md', import.meta.url)

let temp: TempJournal
let out: string
let ids: { anaId: string; kenjiId: string; priyaId: string }

beforeEach(async () => {
  temp = await openTempJournal(undefined, () => NOW)
  ids = await seedJournal(temp.handlers, NOW)
  out = await makeTempDir('rapport-export-')
})
afterEach(async () => {
  await temp.dispose()
  await rm(out, { recursive: true, force: true })
})

const journal = () => temp.session.store().journal
const read = (path: string) => readFile(join(out, path), 'utf8')

describe('the export’s folders', () => {
  it.skipIf(process.platform === 'win32')(
    'are made private to the user (0700): people’s names are file names',
    async () => {
      const folder = join(out, 'vault', 'Clients')
      await exportMarkdown(journal(), folder, NOW)
      for (const made of [join(out, 'vault'), folder, join(folder, 'People')])
        expect({ made, mode: (await stat(made)).mode & 0o777 }).toEqual({ made, mode: 0o700 })
    }
  )
})

describe('a person’s Markdown', () => {
  it('matches the golden file (UPDATE_GOLDEN=1 rewrites it)', async () => {
    // Ids are random, so the golden file holds a placeholder for Ana's.
    const actual = (await renderPersonMarkdown(journal(), ids.anaId, NOW)).replaceAll(ids.anaId, 'ANA-ID')
    if (process.env.UPDATE_GOLDEN === '1') {
      await mkdir(new URL('.', GOLDEN), { recursive: true })
      await writeFile(GOLDEN, actual)
    }
    expect(actual).toBe(await readFile(GOLDEN, 'utf8'))
  })

  it('is exactly what the export writes for that person', async () => {
    await exportMarkdown(journal(), out, NOW)
    expect(await read('People/Ana García.md')).toBe(
      await renderPersonMarkdown(journal(), ids.anaId, NOW, { folder: out })
    )
  })

  it('lists the other emails and phones a contact file gave, as written', async () => {
    await temp.handlers.updatePerson({
      id: ids.kenjiId,
      patch: { otherEmails: ['kenji@home.example', 'kenji at work'], otherPhones: ['+81 90 5555 0101'] }
    })
    const text = await renderPersonMarkdown(journal(), ids.kenjiId, NOW)
    expect(text).toContain('- **Other emails:** kenji@home.example, kenji at work\n')
    expect(text).toContain('- **Other phones:** +81 90 5555 0101\n')
  })

  it('quotes every front matter string, so any name is valid YAML', async () => {
    await temp.handlers.updatePerson({
      id: ids.kenjiId,
      patch: { name: 'Kenji "K" Watanabe: #1 \\ ---', tags: ['a: b', '- c'], company: '' }
    })
    const text = await renderPersonMarkdown(journal(), ids.kenjiId, NOW)
    const front = text.split('\n---\n')[0]!
    expect(front).toContain('name: "Kenji \\"K\\" Watanabe: #1 \\\\ ---"')
    // Obsidian tags cannot hold spaces or punctuation: what is left of each becomes a valid tag.
    expect(front).toContain('tags:\n  - "a-b"\n  - "c"')
    expect(front).toContain('company: ""')
    expect(front).toContain('cadence_days: 30')
    expect(front).toContain('last_contact: 2026-09-09')
    expect(text).toContain('# Kenji "K" Watanabe: \\#1 \\\\ ---\n')
  })

  it('links the other people in a conversation to their files', async () => {
    const text = await renderPersonMarkdown(journal(), ids.priyaId, NOW)
    expect(text).toContain('With [Ana García](Ana%20Garc%C3%ADa.md)')
    expect(text).toContain('[All people](../index.md)')
  })

  it('closes a code fence a note left open, so it cannot swallow the rest of the file', async () => {
    await temp.handlers.logConversation({
      conversation: {
        personIds: [ids.kenjiId],
        date: NOW.toISOString(),
        channel: 'email',
        title: 'Code',
        body: '```js\nconst x = 1'
      },
      followUps: []
    })
    expect(await renderPersonMarkdown(journal(), ids.kenjiId, NOW)).toContain('```js\nconst x = 1\n```\n')
  })
})

describe('exportMarkdown', () => {
  it('writes one file per person (archived too), index.md and Follow-ups.md, and counts them', async () => {
    await temp.handlers.updatePerson({ id: ids.priyaId, patch: { archived: true } })
    const result = await exportMarkdown(journal(), join(out, 'new', 'folder'), NOW)
    expect(result).toEqual({
      files: 6,
      folder: join(out, 'new', 'folder'),
      links: 'markdown',
      written: 6,
      unchanged: 0,
      renamed: [],
      removed: [],
      kept: []
    })
    expect((await readdir(join(out, 'new', 'folder'))).sort()).toEqual([
      '.rapport-export.json',
      'Follow-ups.md',
      'People',
      'index.md'
    ])
    expect((await readdir(join(out, 'new', 'folder', 'People'))).sort()).toEqual([
      'Ana García.md',
      'Kenji Watanabe.md',
      'Priya Natarajan.md',
      'Tomás Oliveira.md'
    ])
  })

  it('index.md links every person, archived ones apart', async () => {
    await temp.handlers.updatePerson({ id: ids.priyaId, patch: { archived: true } })
    await exportMarkdown(journal(), out, NOW)
    expect(await read('index.md')).toBe(
      [
        '# People',
        '',
        '_Exported from Rapport on 2026-11-23 · 4 people · [Open follow-ups](Follow-ups.md)_',
        '',
        '- [Ana García](People/Ana%20Garc%C3%ADa.md) · CFO, Acme Logistics · last contact 2026-11-22',
        '- [Kenji Watanabe](People/Kenji%20Watanabe.md) · Head of Procurement, Northwind Freight · last contact 2026-09-09',
        '- [Tomás Oliveira](People/Tom%C3%A1s%20Oliveira.md) · IT Director, Initech',
        '',
        '## Archived',
        '',
        '- [Priya Natarajan](People/Priya%20Natarajan.md) · VP Operations, Globex · last contact 2026-11-03',
        ''
      ].join('\n')
    )
  })

  it('Follow-ups.md lists every open follow-up by due date, with links to people, as list items (each is a task in its person’s file)', async () => {
    await exportMarkdown(journal(), out, NOW)
    expect(await read('Follow-ups.md')).toBe(
      [
        '# Open follow-ups',
        '',
        '_Exported from Rapport on 2026-11-23 · 4 open follow-ups · [All people](index.md)_',
        '',
        '## Overdue',
        '',
        '- **2026-11-19** · [Kenji Watanabe](People/Kenji%20Watanabe.md) owes me: Return the signed NDA (4 days overdue)',
        '- **2026-11-21** · I owe [Priya Natarajan](People/Priya%20Natarajan.md): Send trail race photos (2 days overdue)',
        '',
        '## Due today',
        '',
        '- **2026-11-23** · I owe [Ana García](People/Ana%20Garc%C3%ADa.md): Send two pricing options',
        '',
        '## Coming up',
        '',
        '- **2026-11-26** · [Ana García](People/Ana%20Garc%C3%ADa.md) owes me: Share carrier volumes for 2026',
        ''
      ].join('\n')
    )
  })

  it('numbers people whose names make the same file, ignoring case, and links each to its own', async () => {
    for (const name of ['ana garcía', 'ANA GARCÍA']) await temp.handlers.createPerson({ person: { name } })
    const result = await exportMarkdown(journal(), out, NOW)
    expect(result.files).toBe(8)
    const files = await readdir(join(out, 'People'))
    expect(files.filter((f) => f.toLowerCase().startsWith('ana')).sort()).toEqual([
      'ANA GARCÍA (3).md',
      'Ana García.md',
      'ana garcía (2).md'
    ])
    const index = await read('index.md')
    expect(index).toContain('(People/ana%20garc%C3%ADa%20%282%29.md)')
    expect(index).toContain('(People/ANA%20GARC%C3%8DA%20%283%29.md)')
  })

  it('exports one person as one file, byte for byte the file the full export writes', async () => {
    const full = join(out, 'full')
    await exportMarkdown(journal(), full, NOW)
    const result = await exportMarkdown(journal(), out, NOW, { personIds: [ids.priyaId] })
    expect(result).toMatchObject({ files: 1, written: 1 })
    expect((await readdir(out)).sort()).toEqual(['.rapport-export.json', 'People', 'full'])
    expect(await readdir(join(out, 'People'))).toEqual(['Priya Natarajan.md'])
    expect(await read('People/Priya Natarajan.md')).toBe(await read('full/People/Priya Natarajan.md'))
    expect(await read('People/Priya Natarajan.md')).toContain('With [Ana García](Ana%20Garc%C3%ADa.md)\n')
  })

  it('refuses an id that is not in the journal', async () => {
    await expect(exportMarkdown(journal(), out, NOW, { personIds: ['not-a-person-id'] })).rejects.toThrow(
      'no longer in the journal'
    )
  })
})

describe('exporting never writes outside the chosen folder', () => {
  it('for a person with a hostile name', async () => {
    const hostile = [
      '../../../outside',
      '..\\..\\outside',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      'CON',
      'People/../../outside',
      '.',
      '..'
    ]
    for (const name of hostile) await temp.handlers.createPerson({ person: { name } })
    const folder = join(out, 'export')
    const result = await exportMarkdown(journal(), folder, NOW)
    expect(await readdir(out)).toEqual(['export'])
    const people = await readdir(join(folder, 'People'))
    expect(people).toHaveLength(4 + hostile.length)
    expect(result.files).toBe(people.length + 2)
    for (const file of people) expect(stemProblem(file.replace(/\.md$/, ''))).toBe('')
    expect(people).toContain('CON_.md')
  })

  it.skipIf(process.platform === 'win32')('through a file in the folder that is a link to somewhere else', async () => {
    const folder = join(out, 'export')
    await mkdir(join(folder, 'People'), { recursive: true })
    await writeFile(join(out, 'secret.txt'), 'keep me')
    await symlink(join(out, 'secret.txt'), join(folder, 'People', 'Ana García.md'))
    await expect(exportMarkdown(journal(), folder, NOW)).rejects.toThrow('link to somewhere else')
    expect(await readFile(join(out, 'secret.txt'), 'utf8')).toBe('keep me')
  })

  it.skipIf(process.platform === 'win32')(
    'through a file in the folder that is a hard link to a file elsewhere',
    async () => {
      const folder = join(out, 'export')
      await exportMarkdown(journal(), folder, NOW)
      // Ana's exported file now also has a name outside the folder: writing it would change that file too.
      const outside = join(out, 'ana-for-the-team.md')
      await link(join(folder, 'People', 'Ana García.md'), outside)
      const before = await readFile(outside, 'utf8')
      await temp.handlers.updatePerson({ id: ids.anaId, patch: { role: 'Chief Financial Officer' } })
      await expect(exportMarkdown(journal(), folder, NOW)).rejects.toThrow(
        '“People/Ana García.md” in the export folder is a hard link to a file elsewhere; Rapport will not write through it.'
      )
      expect(await readFile(outside, 'utf8')).toBe(before)
    }
  )

  it.skipIf(process.platform === 'win32')('through a People folder that is a link to somewhere else', async () => {
    const folder = join(out, 'export')
    await mkdir(join(out, 'elsewhere'))
    await mkdir(folder)
    await symlink(join(out, 'elsewhere'), join(folder, 'People'))
    await expect(exportMarkdown(journal(), folder, NOW)).rejects.toThrow('links to somewhere else')
    expect(await readdir(join(out, 'elsewhere'))).toEqual([])
  })

  it('for any name a journal can hold (property)', async () => {
    const hostile = fc.constantFrom(
      '../',
      '..',
      '.',
      'CON',
      'con',
      'a/b\\c',
      'nul.txt',
      '\u0000\u001f',
      '👩‍👩‍👧‍👦',
      'x'.repeat(200),
      '漢'.repeat(200),
      ' ',
      'Ana',
      'ANA',
      '\ud83d'
    )
    const name = fc
      .array(fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 40 })), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join('').trim().slice(0, 200))
      // Any name the journal can hold: something visible, no half characters (the schema refuses the rest).
      .filter((n) => hasVisible(n) && !/\p{Cs}/u.test(n))
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 8 }), async (names) => {
        const base = join(out, `run-${run++}`)
        const folder = join(base, 'export')
        const result = await exportMarkdown(journalOf(names), folder, NOW)
        expect(await readdir(base)).toEqual(['export'])
        expect((await readdir(folder)).sort()).toEqual(['.rapport-export.json', 'Follow-ups.md', 'People', 'index.md'])
        const files = await readdir(join(folder, 'People'))
        expect(files).toHaveLength(names.length)
        expect(result.files).toBe(names.length + 2)
        expect(new Set(files.map((f) => f.normalize('NFC').toLowerCase())).size).toBe(files.length)
        for (const file of files) {
          expect(file.endsWith('.md')).toBe(true)
          expect(stemProblem(file.slice(0, -3))).toBe('')
          expect((await lstat(join(folder, 'People', file))).isFile()).toBe(true)
        }
        await rm(base, { recursive: true, force: true })
      }),
      { numRuns: 60 }
    )
  })
})

/** A valid journal of people with these names, built directly (the handlers would be slow for 60 runs). */
function journalOf(names: readonly string[]): Journal {
  const stamp = NOW.toISOString()
  return validateJournal({
    schemaVersion: SCHEMA_VERSION,
    me: { name: '' },
    people: names.map((name, i) => ({
      id: `person-${String(i).padStart(4, '0')}`,
      ...defaultProfile(),
      name,
      createdAt: stamp,
      updatedAt: stamp
    })),
    conversations: [],
    interests: [],
    challenges: [],
    values: [],
    followUps: []
  })
}
