/** rapport import: contacts added, merged and skipped as the app would, nobody doubled, and a bad file changes nothing. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256, storedJournal } from '../support/files.ts'
import { CONTACTS, folderSnapshot, foldersPerTest, rapportIn } from './cli-harness.ts'

const { journal, scratch } = foldersPerTest()

async function peopleIn(file: string): Promise<string[]> {
  return (await storedJournal(file)).people.map((p) => p.name)
}

describe('rapport import of contacts', () => {
  it('adds new people, merges the ones already there, and a second import doubles nobody', async () => {
    const { dir, file } = await journal()
    const first = await rapportIn(dir, 'import', join(CONTACTS, 'apple.vcf'))
    expect(first.code).toBe(0)
    expect(first.stderr).toBe('')
    expect(first.stdout).toBe('Added 3: Øyvind Hansen, 王伟, Dr. Amara Okafor\nMerged 0\nSkipped 0\n')
    const people = await peopleIn(file)
    expect(people).toHaveLength(7)

    const second = await rapportIn(dir, 'import', join(CONTACTS, 'apple.vcf'))
    expect(second.stdout).toBe('Added 0\nMerged 3: Øyvind Hansen, 王伟, Dr. Amara Okafor\nSkipped 0\n')
    expect(await peopleIn(file)).toEqual(people)
  })

  it('prints the CSV columns it used, and skips a contact listed twice in the file', async () => {
    const { dir, file } = await journal()
    const run = await rapportIn(dir, 'import', join(CONTACTS, 'google.csv'))
    expect(run.code).toBe(0)
    const [columns, ...rest] = run.stdout.trimEnd().split('\n')
    expect(columns).toMatch(/^Columns: name ← “Name”, .*email ← “E-mail 1 - Value”/)
    expect(rest).toEqual(["Added 3: 王伟, Liam O'Brien, Nguyễn Thị Mai", 'Merged 1: Ana García', 'Skipped 0'])
    const twice = join(await scratch(), 'twice.csv')
    await writeFile(twice, 'Name,Company,Email\nBo Lind,Lind AB,bo@lind.example\nBo Lind,Lind AB,bo@lind.example\n')
    expect((await rapportIn(dir, 'import', twice)).stdout).toContain('Added 1: Bo Lind\nMerged 0\nSkipped 1: Bo Lind\n')
    expect((await peopleIn(file)).filter((name) => name === 'Bo Lind')).toHaveLength(1)
  })

  it('--dry-run shows each contact’s fate and changes nothing', async () => {
    const { dir } = await journal()
    const before = await folderSnapshot(dir)
    const run = await rapportIn(dir, 'import', join(CONTACTS, 'google.csv'), '--dry-run')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'merge  Ana García (line 2): Ana García is already in the journal with the same email (ana.garcia@acme.example).\n'
    )
    expect(run.stdout).toContain("add    Liam O'Brien (line 4): New person.\n")
    expect(run.stdout).toContain('Would add 3, merge 1, skip 0. Nothing was changed (--dry-run).\n')
    expect(await folderSnapshot(dir)).toEqual(before)
  })

  it('--json prints the plan (with --dry-run) and then what was imported', async () => {
    const { dir } = await journal()
    const plan = JSON.parse(
      (await rapportIn(dir, 'import', join(CONTACTS, 'google.csv'), '--dry-run', '--json')).stdout
    ) as { kind: string; token?: string; items: Array<{ name: string; action: string }> }
    expect(plan.kind).toBe('contacts')
    expect(plan.token).toBeUndefined()
    expect(plan.items.map((item) => [item.name, item.action])).toContainEqual(['Ana García', 'merge'])
    const done = await rapportIn(dir, 'import', join(CONTACTS, 'google.csv'), '--json')
    expect(JSON.parse(done.stdout)).toEqual({
      kind: 'contacts',
      added: ['王伟', "Liam O'Brien", 'Nguyễn Thị Mai'],
      merged: ['Ana García'],
      skipped: []
    })
  })

  it.each([
    ['unterminated.vcf', 'rapport: Line 6: this card never ends: the file stops before its END:VCARD.'],
    ['broken-quote.csv', 'rapport: Line 3: a quoted value starts on this line but its closing quote (") is missing.'],
    ['latin1.vcf', 'rapport: Line 3: this line is not valid UTF-8 text'],
    ['utf16.csv', 'rapport: Line 1: the file is in UTF-16, not UTF-8.']
  ])('refuses %s with the line, exit 1, and the journal untouched', async (name, message) => {
    const { dir, file } = await journal()
    const before = await sha256(file)
    const snapshot = await folderSnapshot(dir)
    const run = await rapportIn(dir, 'import', join(CONTACTS, name))
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.startsWith(message)).toBe(true)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(await sha256(file)).toBe(before)
    expect(await folderSnapshot(dir)).toEqual(snapshot)
  })

  it('refuses a JSON file that is not a journal, and files it cannot import', async () => {
    const { dir, file } = await journal()
    const before = await sha256(file)
    const bad = join(await scratch(), 'bad.json')
    await writeFile(bad, '{"schemaVersion": 2, "people": [')
    const run = await rapportIn(dir, 'import', bad)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      'rapport: This file cannot be imported. The file stops in the middle of the journal: it looks truncated.\n'
    )
    const notes = await rapportIn(dir, 'import', join(dir, 'notes.txt'))
    expect(notes.stderr).toBe('rapport: Rapport imports .vcf, .csv and .json files; “notes.txt” is none of these.\n')
    const missing = await rapportIn(dir, 'import', join(dir, 'missing.vcf'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(`rapport: Cannot read ${join(dir, 'missing.vcf')}: no such file or folder.\n`)
    expect(await sha256(file)).toBe(before)
  })

  it('merges a JSON export into a journal that already has people, newest version winning', async () => {
    const { dir, file } = await journal()
    const other = await scratch()
    await rapportIn(other, 'import', join(CONTACTS, 'outlook.vcf'))
    await rapportIn(other, 'export', 'json', join(other, 'export.json'))
    const preview = await rapportIn(dir, 'import', join(other, 'export.json'), '--dry-run')
    expect(preview.stdout).toMatch(/^\d+ (person|people) added\.\nNothing was changed \(--dry-run\)\.\n$/)
    const count = (await peopleIn(file)).length
    const run = await rapportIn(dir, 'import', join(other, 'export.json'))
    expect(run.stdout.split('\n')[0]).toBe(preview.stdout.split('\n')[0])
    expect((await peopleIn(file)).length).toBeGreaterThan(count)
  })
})
