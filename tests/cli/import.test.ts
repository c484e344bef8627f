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
    expect(first.stdout).toBe('Added 3: Øyvind Hansen, 王伟, Dr. Amara Okafor\nMerged 0\n')
    const people = await peopleIn(file)
    expect(people).toHaveLength(7)

    const second = await rapportIn(dir, 'import', join(CONTACTS, 'apple.vcf'))
    expect(second.stdout).toBe('Added 0\nMerged 3: Øyvind Hansen, 王伟, Dr. Amara Okafor\n')
    expect(await peopleIn(file)).toEqual(people)
  })

  it('prints the CSV columns it used, and imports a contact listed twice in the file once', async () => {
    const { dir, file } = await journal()
    const run = await rapportIn(dir, 'import', join(CONTACTS, 'google.csv'))
    expect(run.code).toBe(0)
    const [columns, ...rest] = run.stdout.trimEnd().split('\n')
    expect(columns).toMatch(/^Columns: name ← “Name”, .*email ← “E-mail 1 - Value” \+ “E-mail 2 - Value”, /)
    expect(rest).toEqual(["Added 3: 王伟, Liam O'Brien, Nguyễn Thị Mai", 'Merged 1: Ana García'])
    const twice = join(await scratch(), 'twice.csv')
    await writeFile(twice, 'Name,Company,Email\nBo Lind,Lind AB,bo@lind.example\nBo Lind,Lind AB,bo@lind.example\n')
    expect((await rapportIn(dir, 'import', twice)).stdout).toContain('Added 1: Bo Lind\nMerged 1: Bo Lind\n')
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
      skipped: [],
      notRead: []
    })
  })

  it('imports every readable record and lists each one it could not read, with its line, reason and text', async () => {
    const { dir, file } = await journal()
    const dry = await rapportIn(dir, 'import', join(CONTACTS, 'odd-cards.vcf'), '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(
      'add    Nordic Reefer Lines (line 15; named after the company: the file gives no name): New person.\n'
    )
    expect(dry.stdout).toContain(
      'add    Test Contact One (line 9): New person.\n       ! “contact1@invalid” does not look like an email address: it is kept as written, with the other emails.\n'
    )
    expect(dry.stdout).toContain(
      'Would add 7, merge 0, skip 0, leave out 2 not read. Nothing was changed (--dry-run).\n'
    )

    const run = await rapportIn(dir, 'import', join(CONTACTS, 'odd-cards.vcf'))
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(
      [
        'Added 7: Omega Systems Sales, Test Contact One, Nordic Reefer Lines, Chidi Okonkwo, Ingrid Berg, Per Lund, Evolution Person',
        'Merged 0',
        'Not read 2 (left out of the import):',
        '  Line 41: this card has no name, company, email or phone to go by.',
        '    | BEGIN:VCARD',
        '    | VERSION:3.0',
        '    | NOTE:Someone from the trade fair. No card, no name.',
        '    | END:VCARD',
        '  Line 45: these lines are outside any card (a card goes from BEGIN:VCARD to END:VCARD).',
        '    | Thanks for importing!',
        'Named for want of a name 1:',
        '  Nordic Reefer Lines (line 15, named after the company: the file gives no name)',
        'Read with warnings:',
        '  Test Contact One (line 9): “contact1@invalid” does not look like an email address: it is kept as written, with the other emails.',
        ''
      ].join('\n')
    )
    expect(await peopleIn(file)).toContain('Nordic Reefer Lines')
    const json = JSON.parse(
      (await rapportIn(dir, 'import', join(CONTACTS, 'linkedin-connections.csv'), '--json')).stdout
    )
    expect(json.notRead).toEqual([
      { line: 6, reason: 'this row has no name, company, email or phone to go by.', raw: ',,,,,,02 Jun 2022' },
      {
        line: 9,
        reason: 'this row has no name, company, email or phone to go by.',
        raw: ',,https://www.linkedin.com/in/private-member,,,,15 Mar 2021'
      }
    ])
  })

  it('says which file a guessed character set and a possible duplicate are in', async () => {
    const { dir } = await journal()
    const csv = join(await scratch(), 'shared.csv')
    await writeFile(csv, 'Name,Email\nMariko Sato,ana.garcia@acme.example\n')
    const run = await rapportIn(dir, 'import', csv)
    expect(run.stdout).toContain(
      'Possible duplicates 1 (added as new people; merge them in the app if they are one person):\n  Mariko Sato (line 2): Ana García is already in the journal with the same email (ana.garcia@acme.example) under another name. Merge them if they are one person.\n'
    )
    const outlook = await rapportIn(dir, 'import', join(CONTACTS, 'outlook-contacts.csv'), '--dry-run')
    expect(outlook.stdout).toContain('Note: Some text in this file is not UTF-8 (the first on line 2)')
    expect(outlook.stdout).toContain('add    Mme Hélène Marie Lefèvre (line 2): New person.\n')
  })

  it.each([
    [
      'a card with nothing to go by',
      'nobody.vcf',
      'BEGIN:VCARD\nVERSION:3.0\nNOTE:met at a fair\nEND:VCARD\n',
      'rapport: Line 1: this card has no name, company, email or phone to go by. No contact in this file could be read.'
    ],
    [
      'LinkedIn rows without names',
      'nobody.csv',
      'First Name,Last Name,Connected On\n,,02 Jun 2022\n',
      'rapport: Line 2: this row has no name, company, email or phone to go by. No contact in this file could be read.'
    ],
    ['an empty file', 'empty.vcf', '', 'rapport: Line 1: the file is empty.']
  ])(
    'refuses a file with no readable record (%s) with the line, exit 1, and the journal untouched',
    async (_, name, text, message) => {
      const { dir, file } = await journal()
      const bad = join(await scratch(), name)
      await writeFile(bad, text)
      const before = await sha256(file)
      const snapshot = await folderSnapshot(dir)
      const run = await rapportIn(dir, 'import', bad)
      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(`${message}\n`)
      expect(await sha256(file)).toBe(before)
      expect(await folderSnapshot(dir)).toEqual(snapshot)
    }
  )

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
