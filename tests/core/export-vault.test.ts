/** The Markdown export re-run into the same folder (a notes vault): it follows the journal and never loses the user's files. */
import { mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NO_SHELL } from '../../src/core/api/shell-port.ts'
import { folderSnapshot } from '../cli/cli-harness.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { seedVaultJournal } from '../support/vault-journal.ts'
import type { VaultIds } from '../support/vault-journal.ts'

const NOW = new Date(2026, 10, 23, 10, 0)
let temp: TempJournal
let ids: VaultIds
let vault: string
let folder: string

beforeEach(async () => {
  vault = await makeTempDir('rapport-vault-')
  folder = join(vault, 'Rapport')
  temp = await openTempJournal(undefined, () => NOW, { ...NO_SHELL, pickFolder: async () => folder })
  ids = await seedVaultJournal(temp.handlers, NOW)
})
afterEach(async () => {
  await temp.dispose()
  await rm(vault, { recursive: true, force: true })
})

const exportAll = async () => {
  const result = await temp.handlers.exportMarkdown({})
  if (result.canceled) throw new Error('canceled')
  return result
}
const people = async () => (await readdir(join(folder, 'People'))).sort()
const read = (path: string) => readFile(join(folder, path), 'utf8')

describe('re-exporting into a folder exported to before', () => {
  it('renames a renamed person’s file, removes a deleted person’s, and leaves the user’s own files alone', async () => {
    await exportAll()
    await writeFile(join(folder, 'People', 'My prospects.md'), '# Mine\n')
    await writeFile(join(folder, 'Ideas.md'), 'not Rapport’s\n')
    const own = { prospects: await read('People/My prospects.md'), ideas: await read('Ideas.md') }

    await temp.handlers.updatePerson({ id: ids.ana, patch: { name: 'Ana García-López' } })
    await temp.handlers.deletePerson({ id: ids.lukasz })
    const result = await exportAll()

    expect(result.renamed).toEqual([{ from: 'People/Ana García.md', to: 'People/Ana García-López.md' }])
    expect(result.removed).toEqual(['People/Łukasz Wiśniewski.md'])
    expect(result.kept).toEqual([])
    expect(await people()).toEqual([
      'Ana García-López.md',
      'José Ñúñez.md',
      'My prospects.md',
      'Zoë O’Connor _Ops_ _1.md',
      '陈静.md'
    ])
    expect(await read('People/Ana García-López.md')).toContain('name: "Ana García-López"')
    // Links to her from others' files and the index follow the new name.
    expect(await read('index.md')).toContain('(People/Ana%20Garc%C3%ADa-L%C3%B3pez.md)')
    expect(await read('People/Zoë O’Connor _Ops_ _1.md')).toContain(
      '[Ana García-López](Ana%20Garc%C3%ADa-L%C3%B3pez.md)'
    )
    expect({ prospects: await read('People/My prospects.md'), ideas: await read('Ideas.md') }).toEqual(own)
  })

  it('changes nothing when run twice: same bytes, same modification times', async () => {
    const first = await exportAll()
    expect(first).toMatchObject({ files: 7, written: 7, unchanged: 0 })
    const before = await folderSnapshot(folder)
    const second = await exportAll()
    expect(second).toMatchObject({ files: 7, written: 0, unchanged: 7, renamed: [], removed: [], kept: [] })
    expect(await folderSnapshot(folder)).toEqual(before)
  })

  it('keeps the user’s edited copy beside the new file, reports it, and leaves it alone afterwards', async () => {
    await exportAll()
    const edited = `${await read('People/José Ñúñez.md')}\nMy own note: call him after the fleet audit.\n`
    await writeFile(join(folder, 'People', 'José Ñúñez.md'), edited)
    await temp.handlers.updatePerson({ id: ids.jose, patch: { role: 'Owner and CEO' } })

    const result = await exportAll()
    expect(result.kept).toEqual([
      { path: 'People/José Ñúñez.md', keptAs: 'People/José Ñúñez (edited 2026-11-23).md', reason: 'edited' }
    ])
    expect(await read('People/José Ñúñez (edited 2026-11-23).md')).toBe(edited)
    expect(await read('People/José Ñúñez.md')).toContain('role: "Owner and CEO"')

    const again = await exportAll()
    expect(again.kept).toEqual([])
    expect(await read('People/José Ñúñez (edited 2026-11-23).md')).toBe(edited)
  })

  it('leaves an edited file of a person deleted or renamed since where it is, and says so', async () => {
    await exportAll()
    await writeFile(join(folder, 'People', '陈静.md'), 'my edits')
    await writeFile(join(folder, 'People', 'Ana García.md'), 'my edits to Ana')
    await temp.handlers.deletePerson({ id: ids.chen })
    await temp.handlers.updatePerson({ id: ids.ana, patch: { name: 'Ana García-López' } })

    const result = await exportAll()
    expect(result.kept).toEqual(
      expect.arrayContaining([
        { path: 'People/Ana García.md', keptAs: 'People/Ana García.md', reason: 'edited' },
        { path: 'People/陈静.md', keptAs: 'People/陈静.md', reason: 'edited' }
      ])
    )
    expect(await read('People/陈静.md')).toBe('my edits')
    expect(await read('People/Ana García.md')).toBe('my edits to Ana')
    expect(await people()).toContain('Ana García-López.md')
  })

  it('never replaces a file the user made where a person’s file goes', async () => {
    await mkdir(join(folder, 'People'), { recursive: true })
    await writeFile(join(folder, 'People', 'Ana García.md'), '# My Ana notes\n')
    const result = await exportAll()
    expect(result.kept).toEqual([
      { path: 'People/Ana García.md', keptAs: 'People/Ana García (edited 2026-11-23).md', reason: 'not-from-rapport' }
    ])
    expect(await read('People/Ana García (edited 2026-11-23).md')).toBe('# My Ana notes\n')
  })

  it('brings a folder an older Rapport exported to (no manifest) into step, by the id property', async () => {
    await exportAll()
    await unlink(join(folder, '.rapport-export.json'))
    await temp.handlers.updatePerson({ id: ids.ana, patch: { name: 'Ana García-López' } })
    const result = await exportAll()
    expect(result.renamed).toEqual([{ from: 'People/Ana García.md', to: 'People/Ana García-López.md' }])
    expect(await people()).not.toContain('Ana García.md')
  })

  it('acts on nothing outside the folder whatever a damaged manifest says', async () => {
    await exportAll()
    await writeFile(join(vault, 'outside.md'), 'keep')
    const hash = '0'.repeat(64)
    await writeFile(
      join(folder, '.rapport-export.json'),
      JSON.stringify({
        app: 'Rapport',
        format: 1,
        files: { '../outside.md': { id: ids.ana, sha256: hash }, 'People/../../outside.md': { sha256: hash } }
      })
    )
    await exportAll()
    expect(await readFile(join(vault, 'outside.md'), 'utf8')).toBe('keep')
    await writeFile(join(folder, '.rapport-export.json'), '{ not json')
    const result = await exportAll()
    expect(result.files).toBe(7)
    expect(await readFile(join(vault, 'outside.md'), 'utf8')).toBe('keep')
  })

  it('exports one person in place: their file renamed and brought up to date, everyone else’s untouched', async () => {
    await exportAll()
    const before = await folderSnapshot(folder)
    await temp.handlers.updatePerson({ id: ids.ana, patch: { name: 'Ana García-López' } })
    const result = await temp.handlers.exportMarkdown({ personIds: [ids.ana] })
    expect(result).toMatchObject({
      files: 1,
      renamed: [{ from: 'People/Ana García.md', to: 'People/Ana García-López.md' }],
      removed: []
    })
    const after = await folderSnapshot(folder)
    for (const path of Object.keys(before).filter((p) => !p.includes('Ana') && p !== '.rapport-export.json'))
      expect(after[path], path).toBe(before[path])
    // A full export the next night finds the manifest in step: only what mentions her new name changes.
    const full = await exportAll()
    expect(full.renamed).toEqual([])
    expect(full.kept).toEqual([])
  })
})

describe('links', () => {
  it('are wikilinks from the vault’s root when the folder is inside an Obsidian vault', async () => {
    await mkdir(join(vault, '.obsidian'))
    const result = await exportAll()
    expect(result.links).toBe('wikilinks')
    expect(await read('index.md')).toContain('- [[Rapport/People/Ana García|Ana García]] · CFO, Acme Logistics')
    expect(await read('People/Ana García.md')).toContain(
      'With [[Rapport/People/Zoë O’Connor _Ops_ _1|Zoë O’Connor Ops #1]]'
    )
    expect(await read('Follow-ups.md')).toContain('[[Rapport/index|All people]]')
  })

  it('follow the setting, and a call may override it', async () => {
    await mkdir(join(vault, '.obsidian'))
    await temp.handlers.updateSettings({ patch: { markdownLinks: 'markdown' } })
    expect((await exportAll()).links).toBe('markdown')
    expect(await read('index.md')).toContain('[Ana García](People/Ana%20Garc%C3%ADa.md)')
    const wiki = await temp.handlers.exportMarkdown({ links: 'wikilinks' })
    expect(wiki).toMatchObject({ links: 'wikilinks', written: 7 })
  })
})
