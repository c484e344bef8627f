/**
 * What Obsidian (and its Tasks plugin) makes of an exported person's file, read back with a real YAML parser
 * and a real Markdown parser: properties, outline, tasks.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { marked } from 'marked'
import type { Token, Tokens } from 'marked'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { exportMarkdown, renderPersonMarkdown } from '../../src/core/transfer/export-markdown.ts'
import { validateJournal } from '../../src/core/journal/journal-text.ts'
import { SCHEMA_VERSION } from '../../src/shared/schema/journal.ts'
import type { Journal } from '../../src/shared/schema/journal.ts'
import { defaultProfile } from '../../src/shared/schema/person.ts'
import { folderSnapshot } from '../cli/cli-harness.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { seedVaultJournal } from '../support/vault-journal.ts'
import type { VaultIds } from '../support/vault-journal.ts'
import { stemProblem } from './file-name-rules.ts'

const NOW = new Date(2026, 10, 23, 10, 0)
// Obsidian's tag rules: letters, digits, _ - / only, and not only digits.
const OBSIDIAN_TAG = /^(?![\p{N}/]+$)[\p{L}\p{M}\p{N}_/-]+$/u
let temp: TempJournal
let ids: VaultIds
let out: string
beforeAll(async () => {
  temp = await openTempJournal(undefined, () => NOW)
  ids = await seedVaultJournal(temp.handlers, NOW)
  out = await makeTempDir('rapport-obsidian-')
})
afterAll(async () => {
  await temp.dispose()
  await rm(out, { recursive: true, force: true })
})

const fileOf = (id: string) => renderPersonMarkdown(temp.session.store().journal, id, NOW)

function properties(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  if (!match) throw new Error('no front matter')
  return parseYaml(match[1]!) as Record<string, unknown>
}

/** Headings and task items of the file, as a Markdown parser sees them (code blocks are not headings). */
function outline(text: string): { headings: Array<[number, string]>; tasks: string[] } {
  const tokens = marked.lexer(text.replace(/^---\n[\s\S]*?\n---\n/, ''))
  const headings: Array<[number, string]> = []
  const tasks: string[] = []
  const walk = (list: Token[]) => {
    for (const token of list) {
      if (token.type === 'heading') headings.push([(token as Tokens.Heading).depth, (token as Tokens.Heading).text])
      if (token.type === 'list')
        for (const item of (token as Tokens.List).items) {
          if (item.task) tasks.push(item.text)
          walk(item.tokens)
        }
      if (token.type === 'blockquote') walk((token as Tokens.Blockquote).tokens)
    }
  }
  walk(tokens)
  return { headings, tasks }
}

describe('an exported person’s properties', () => {
  it('hold aliases, valid tags, unquoted dates, created and updated', async () => {
    const props = properties(await fileOf(ids.ana))
    expect(props).toMatchObject({
      name: 'Ana García',
      aliases: ['Ana', 'Ana Garcia'],
      tags: ['champion', 'Q1-renewal', 'EMEA/Iberia'],
      cadence_days: 14,
      last_contact: '2026-11-21',
      created: '2026-11-23',
      updated: '2026-11-23',
      archived: false
    })
    expect(properties(await fileOf(ids.jose)).tags).toEqual(['_2026', 'family-business'])
    const text = await fileOf(ids.ana)
    expect(text).toMatch(/\nlast_contact: 2026-11-21\ncreated: 2026-11-23\nupdated: 2026-11-23\n/)
  })

  it('give a name with link syntax a file name without it', async () => {
    const result = await exportMarkdown(temp.session.store().journal, join(out, 'names'), NOW)
    expect(result.kept).toEqual([])
    const snapshot = Object.keys(await folderSnapshot(join(out, 'names')))
    expect(snapshot).toContain('People/Zoë O’Connor _Ops_ _1.md')
  })
})

describe('an exported person’s outline', () => {
  it('puts every note heading below its conversation’s, so conversations never nest under a note', async () => {
    const { headings } = outline(await fileOf(ids.ana))
    expect(headings.filter(([depth]) => depth <= 2).map(([, text]) => text)).toEqual([
      'Ana García',
      'About',
      'Interests',
      'Challenges',
      'Commitments',
      'Conversations'
    ])
    const conversations = headings.slice(headings.findIndex(([, text]) => text === 'Conversations') + 1)
    expect(conversations).toEqual([
      [3, '2026-11-21 · call · Pricing: annual vs multi-year'],
      [4, 'Title'],
      [3, '2026-10-24 · meeting · Discovery call at Acme'],
      [4, 'Discovery call'],
      [5, 'Pain'],
      [5, 'Next steps'],
      [6, 'Budget']
    ])
  })

  it('shows a note’s checkboxes as text and each open follow-up as a Tasks-plugin task', async () => {
    const text = await fileOf(ids.ana)
    expect(outline(text).tasks).toEqual([
      'They owe: Share carrier volumes 📅 2026-11-22',
      'I owe: Send the ROI model by Friday 📅 2026-11-26'
    ])
    expect(text).toContain('- \\[ \\] check whether SAP is on-prem')
    expect(text).toContain('> - \\[ \\] quoted checkbox')
    // A code block is shown exactly as written.
    expect(text).toContain('```sh\n# not a heading\n- [ ] not a task either\n```')
  })
})

describe('the export, for any names and notes (property)', () => {
  const name = fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.constantFrom(
        'Ana [Ops] | #1 ^x',
        'José: "Pepe"',
        '- [ ] x',
        '---',
        'CON',
        '陈静',
        'yes',
        '2026-01-01',
        'null',
        '#tag'
      ),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    )
    .filter((n) => n.trim() !== '')
  const line = fc.oneof(
    fc.constantFrom(
      '# H1',
      '## H2',
      '###### H6',
      'Setext',
      '===',
      '---',
      '- [ ] box',
      '  - [x] nested',
      '> - [ ] q',
      '```',
      '~~~',
      '    code',
      '',
      '* [X] star',
      '1) [ ] n'
    ),
    fc.string({ maxLength: 30 })
  )
  const note = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'))
  const tag = fc
    .oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('Q1 renewal', '2026', '#x', 'a/b', '//', 'ä ö'))
    .filter((t) => t.trim() !== '')

  it('writes valid properties, safe names, headings below each conversation, no stray tasks; a second run changes nothing', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ name, tags: fc.array(tag, { maxLength: 3 }), notes: fc.array(note, { maxLength: 2 }) }), {
          minLength: 1,
          maxLength: 4
        }),
        async (people) => {
          const folder = join(out, `run-${run++}`)
          const journal = journalOf(people)
          const result = await exportMarkdown(journal, folder, NOW)
          expect(result.files).toBe(people.length + 2)
          for (const person of journal.people) {
            const text = await renderPersonMarkdown(journal, person.id, NOW, { folder })
            const props = properties(text)
            expect(props.id).toBe(person.id)
            expect(props.name).toBe(
              person.name.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
            )
            for (const t of props.tags as string[]) expect(t).toMatch(OBSIDIAN_TAG)
            expect(props.created).toBe('2026-11-23')
            const { headings, tasks } = outline(text)
            expect(tasks).toEqual([])
            const start = headings.findIndex(([depth, text]) => depth === 2 && text === 'Conversations')
            for (const [depth] of headings.slice(start + 1)) expect(depth).toBeGreaterThanOrEqual(3)
            expect(headings.filter(([depth]) => depth <= 2).length).toBe(6)
          }
          for (const path of Object.keys(await folderSnapshot(folder))) {
            expect(
              path.startsWith('People/') || ['index.md', 'Follow-ups.md', '.rapport-export.json'].includes(path),
              path
            ).toBe(true)
            if (path.startsWith('People/')) expect(stemProblem(path.slice('People/'.length, -3)), path).toBe('')
          }
          const before = await folderSnapshot(folder)
          expect(await exportMarkdown(journal, folder, NOW)).toMatchObject({
            written: 0,
            renamed: [],
            removed: [],
            kept: []
          })
          expect(await folderSnapshot(folder)).toEqual(before)
          await rm(folder, { recursive: true, force: true })
        }
      ),
      { numRuns: 40 }
    )
  })
})

/** A valid journal built directly (the handlers would be slow for many runs): each person with their notes. */
function journalOf(people: ReadonlyArray<{ name: string; tags: string[]; notes: string[] }>): Journal {
  const stamp = NOW.toISOString()
  return validateJournal({
    schemaVersion: SCHEMA_VERSION,
    me: { name: '' },
    people: people.map((p, i) => ({
      id: `person-${String(i).padStart(4, '0')}`,
      ...defaultProfile(),
      name: p.name.trim().slice(0, 200) || 'x',
      tags: p.tags.map((t) => t.trim().slice(0, 40)).filter(Boolean),
      createdAt: stamp,
      updatedAt: stamp
    })),
    conversations: people.flatMap((p, i) =>
      p.notes.map((body, j) => ({
        id: `conversation-${i}-${j}`,
        personIds: [`person-${String(i).padStart(4, '0')}`],
        date: stamp,
        channel: 'call',
        title: `Call ${j}`,
        body,
        createdAt: stamp,
        updatedAt: stamp
      }))
    ),
    interests: [],
    challenges: [],
    values: [],
    followUps: []
  })
}
