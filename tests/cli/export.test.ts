/** rapport export: Markdown into a folder (a notes vault), and JSON that imports back into an empty journal. */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-journal.ts'
import { folderSnapshot, rapportIn, removeAll, seededJournal } from './cli-harness.ts'

let dir = ''
let out = ''
beforeAll(async () => {
  ;({ dir } = await seededJournal())
  out = await makeTempDir('rapport-cli-out-')
})
afterAll(() => removeAll(dir, out))

describe('rapport export markdown', () => {
  it('writes a file per person, index.md and Follow-ups.md, and says how many', async () => {
    const vault = join(out, 'Vault', 'Rapport')
    const before = await folderSnapshot(dir)
    const run = await rapportIn(dir, 'export', 'markdown', vault)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`Wrote 6 files (4 people) to ${vault}.\n`)
    expect((await readdir(vault)).sort()).toEqual(['Follow-ups.md', 'People', 'index.md'])
    expect((await readdir(join(vault, 'People'))).sort()).toEqual([
      'Ana García.md',
      'Kenji Watanabe.md',
      'Priya Natarajan.md',
      'Tomás Oliveira.md'
    ])
    expect(await readFile(join(vault, 'People', 'Ana García.md'), 'utf8')).toContain('Pricing for the Q1 renewal')
    // Nightly runs overwrite the same files.
    expect((await rapportIn(dir, 'export', 'markdown', vault)).stdout).toBe(`Wrote 6 files (4 people) to ${vault}.\n`)
    expect(await folderSnapshot(dir)).toEqual(before)
  })
})

describe('rapport export json', () => {
  it('round-trips through rapport import into an empty journal, byte for byte', async () => {
    const file = join(out, 'exports', 'rapport.json')
    const run = await rapportIn(dir, 'export', 'json', file)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      `Exported 4 people, 4 conversations, 6 interests, 2 challenges, 1 value you brought, 5 follow-ups to ${file}.\n`
    )
    expect(await readFile(file, 'utf8')).toBe(await readFile(join(dir, 'journal.json'), 'utf8'))
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)

    const empty = join(out, 'fresh-journal')
    const imported = await rapportIn(empty, 'import', file)
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(
      /^4 people added, 4 conversations added, 6 interests added, 2 challenges added, 1 value you brought added, 5 follow-ups added, your name filled in from the file\.\nMerged into .*journal\.json\. The journal as it was is saved as backups\/pre-restore-.+\.json\.\n$/
    )
    const again = join(out, 'again.json')
    await rapportIn(empty, 'export', 'json', again)
    expect(await readFile(again, 'utf8')).toBe(await readFile(file, 'utf8'))
    // A second import has nothing to add.
    expect((await rapportIn(empty, 'import', file)).stdout).toBe(
      'Nothing to merge: your journal already has everything in this file.\n'
    )
  })

  it('prints the export for “-”', async () => {
    const run = await rapportIn(dir, 'export', 'json', '-')
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(await readFile(join(dir, 'journal.json'), 'utf8'))
  })

  it('fails with one line when it cannot write', async () => {
    const run = await rapportIn(dir, 'export', 'json', out)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^rapport: Cannot write to .+: it is a folder, not a file\.\n$/)
  })
})
