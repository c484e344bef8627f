/** rapport export: Markdown into a folder (a notes vault), and JSON that imports back into an empty journal. */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ICAL from 'ical.js'
import { createHandlers, openHandlers } from '../../src/core/api/handlers.ts'
import { localDay } from '../../src/core/days.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { storedText } from '../support/files.ts'
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
    expect(run.stdout).toBe(`Exported 6 files to ${vault} (Markdown links): 6 files written, 0 already up to date.\n`)
    expect((await readdir(vault)).sort()).toEqual(['.rapport-export.json', 'Follow-ups.md', 'People', 'index.md'])
    expect((await readdir(join(vault, 'People'))).sort()).toEqual([
      'Ana García.md',
      'Kenji Watanabe.md',
      'Priya Natarajan.md',
      'Tomás Oliveira.md'
    ])
    expect(await readFile(join(vault, 'People', 'Ana García.md'), 'utf8')).toContain('Pricing for the Q1 renewal')
    // Nightly runs leave up-to-date files as they are.
    const files = await folderSnapshot(vault)
    expect((await rapportIn(dir, 'export', 'markdown', vault)).stdout).toBe(
      `Exported 6 files to ${vault} (Markdown links): all up to date.\n`
    )
    expect(await folderSnapshot(vault)).toEqual(files)
    expect(await folderSnapshot(dir)).toEqual(before)
  })

  it('follows renames and deletions, keeps the user’s edits, and says what it did', async () => {
    const { dir: journal } = await seededJournal()
    const vault = join(out, 'Synced')
    await mkdir(join(vault, '.obsidian'), { recursive: true })
    expect((await rapportIn(journal, 'export', 'markdown', vault)).stdout).toMatch(
      /\(\[\[wikilinks\]\]\): 6 files written/
    )
    await writeFile(join(vault, 'People', 'Kenji Watanabe.md'), 'my own notes on Kenji\n')
    const session = await JournalSession.open(journal, { owner: 'test' })
    const api = createHandlers(session)
    const people = await api.listPeople({})
    await api.updatePerson({ id: people.find((p) => p.name === 'Ana García')!.id, patch: { name: 'Ana García-López' } })
    await api.deletePerson({ id: people.find((p) => p.name === 'Tomás Oliveira')!.id })
    await api.updatePerson({ id: people.find((p) => p.name === 'Kenji Watanabe')!.id, patch: { role: 'COO' } })
    await session.close()

    const run = await rapportIn(journal, 'export', 'markdown', vault, '--links', 'markdown')
    expect(run.code).toBe(0)
    const day = localDay(new Date())
    expect(run.stdout).toBe(
      [
        `Exported 5 files to ${vault} (Markdown links): 5 files written, 0 already up to date.`,
        'Renamed   People/Ana García.md → People/Ana García-López.md',
        'Removed   People/Tomás Oliveira.md',
        `Kept      People/Kenji Watanabe.md as People/Kenji Watanabe (edited ${day}).md (edited since Rapport wrote it)`,
        ''
      ].join('\n')
    )
    expect(await readFile(join(vault, 'People', `Kenji Watanabe (edited ${day}).md`), 'utf8')).toBe(
      'my own notes on Kenji\n'
    )
    const json = JSON.parse((await rapportIn(journal, 'export', 'markdown', vault, '--json')).stdout) as {
      written: number
      unchanged: number
      links: string
    }
    // Back to the default: inside a vault, wikilinks, so every file changes once more.
    expect(json).toMatchObject({ links: 'wikilinks', written: 5, unchanged: 0 })
    await removeAll(journal)
  })

  it('links the way the app’s Settings say, unless --links says otherwise', async () => {
    const { dir: journal } = await seededJournal()
    const session = await JournalSession.open(journal, { owner: 'test' })
    await (await openHandlers(session)).updateSettings({ patch: { markdownLinks: 'wikilinks' } })
    await session.close()
    // A plain folder, not a vault: on its own (auto) the export would write Markdown links here.
    const folder = join(out, 'Plain folder')

    const saved = await rapportIn(journal, 'export', 'markdown', folder)
    expect(saved.stdout).toBe(`Exported 6 files to ${folder} ([[wikilinks]]): 6 files written, 0 already up to date.\n`)
    expect(await readFile(join(folder, 'index.md'), 'utf8')).toContain('[[People/Ana García|Ana García]]')

    const told = await rapportIn(journal, 'export', 'markdown', folder, '--links', 'markdown')
    expect(told.stdout).toMatch(/\(Markdown links\): 6 files written/)
    await removeAll(journal)
  })
})

describe('rapport export ics', () => {
  it('writes a calendar of open follow-ups and keep-in-touch dates that a calendar parser reads', async () => {
    const file = join(out, 'calendar', 'follow-ups.ics')
    const run = await rapportIn(dir, 'export', 'ics', file)
    expect(run).toEqual({
      code: 0,
      stdout: `Wrote 4 open follow-ups and 3 keep-in-touch dates to ${file}.\n`,
      stderr: ''
    })
    const text = await readFile(file, 'utf8')
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
    expect(events).toHaveLength(7)
    const byTitle = new Map(events.map((e) => [e.summary, e]))
    const pricing = byTitle.get('I owe Ana García: Send two pricing options')!
    expect(pricing.startDate.isDate).toBe(true)
    expect(pricing.startDate.toString()).toBe(localDay(new Date()))
    expect(pricing.description).toContain('Agreed in “Pricing for the Q1 renewal”')
    expect(byTitle.has('Kenji Watanabe owes me: Return the signed NDA')).toBe(true)
    // Kenji is overdue a call, so it shows today rather than on a day gone by.
    expect(byTitle.get('Keep in touch with Kenji Watanabe (every 30 days)')!.startDate.toString()).toBe(
      localDay(new Date())
    )
    // The same follow-up keeps its UID, so importing a newer file updates rather than doubles it.
    await rapportIn(dir, 'export', 'ics', file)
    const again = new ICAL.Component(ICAL.parse(await readFile(file, 'utf8')))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c).uid)
    expect(again.sort()).toEqual(events.map((e) => e.uid).sort())
    expect((await rapportIn(dir, 'export', 'ics', '-')).stdout).toMatch(/^BEGIN:VCALENDAR\r\n/)
  })

  it('never replaces a file that is not a calendar Rapport wrote', async () => {
    const file = join(out, 'mine.ics')
    await writeFile(file, 'BEGIN:VCALENDAR\r\nPRODID:-//Someone else//EN\r\nEND:VCALENDAR\r\n')
    const run = await rapportIn(dir, 'export', 'ics', file)
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `rapport: ${file} already exists and is not a calendar Rapport wrote; Rapport will not replace it. Choose another name.\n`
    })
    expect(await readFile(file, 'utf8')).toBe('BEGIN:VCALENDAR\r\nPRODID:-//Someone else//EN\r\nEND:VCALENDAR\r\n')
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
    expect(await readFile(file, 'utf8')).toBe(await storedText(join(dir, 'journal.json')))
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
    expect(run.stdout).toBe(await storedText(join(dir, 'journal.json')))
  })

  it('fails with one line when it cannot write', async () => {
    const run = await rapportIn(dir, 'export', 'json', out)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^rapport: Cannot write to .+: it is a folder, not a file\.\n$/)
  })
})

describe('rapport export vcard', () => {
  it('writes everyone as vCard 4.0 that rapport import reads back into the same people', async () => {
    const file = join(out, 'contacts', 'everyone.vcf')
    const run = await rapportIn(dir, 'export', 'vcard', file)
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe(`Wrote 4 contacts to ${file} (vCard 4.0).\n`)
    const text = await readFile(file, 'utf8')
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true)
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)

    const empty = await makeTempDir('rapport-cli-vcard-')
    try {
      const imported = await rapportIn(empty, 'import', file)
      expect(imported.stdout).toBe('Added 4: Ana García, Kenji Watanabe, Priya Natarajan, Tomás Oliveira\nMerged 0\n')
      const fields = async (folder: string) => {
        const session = await JournalSession.open(folder, { owner: 'test', readOnly: true })
        try {
          return session
            .store()
            .journal.people.map(
              ({ name, company, role, email, phone, otherEmails, otherPhones, location, howWeMet, tags }) => ({
                name,
                company,
                role,
                email,
                phone,
                otherEmails,
                otherPhones,
                location,
                howWeMet,
                tags
              })
            )
            .sort((a, b) => a.name.localeCompare(b.name))
        } finally {
          await session.close()
        }
      }
      expect(await fields(empty)).toEqual(await fields(dir))
    } finally {
      await removeAll(empty)
    }
  })

  it('writes one person with --person, prints the file for “-”, and says so with --json', async () => {
    const file = join(out, 'ana.vcf')
    const run = await rapportIn(dir, 'export', 'vcard', file, '--person', 'ana garcia', '--json')
    expect(JSON.parse(run.stdout)).toEqual({ file, people: 1 })
    expect((await readFile(file, 'utf8')).match(/^FN:[^\r]*/gm)).toEqual(['FN:Ana García'])
    const printed = await rapportIn(dir, 'export', 'vcard', '-', '--person', 'Kenji')
    expect(printed.stdout).toMatch(/^BEGIN:VCARD\r\n[\s\S]*FN:Kenji Watanabe\r\n[\s\S]*END:VCARD\r\n$/)
    const nobody = await rapportIn(dir, 'export', 'vcard', file, '--person', 'Zebedee Nobody')
    expect([nobody.code, nobody.stderr]).toEqual([1, 'rapport: No one in the journal matches “Zebedee Nobody”.\n'])
    const misplaced = await rapportIn(dir, 'export', 'ics', file, '--person', 'Ana')
    expect(misplaced.stderr).toMatch(/--person is for vcard only\./)
  })

  it('never replaces a file that is not a contacts file Rapport wrote', async () => {
    const file = join(out, 'mine.vcf')
    await writeFile(file, 'BEGIN:VCARD\r\nFN:My own card\r\nEND:VCARD\r\n')
    const run = await rapportIn(dir, 'export', 'vcard', file)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `rapport: ${file} already exists and is not a contacts file Rapport wrote; Rapport will not replace it. Choose another name.\n`
    )
    expect(await readFile(file, 'utf8')).toBe('BEGIN:VCARD\r\nFN:My own card\r\nEND:VCARD\r\n')
  })
})
