import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ShellPort } from '../../src/core/api/shell-port.ts'
import { SettingsFile } from '../../src/core/journal/settings-file.ts'
import type { Settings } from '../../src/shared/settings.ts'
import { storedFilesHash, storedText } from '../support/files.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { CONTACTS } from '../support/contacts.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

/** A desktop whose dialogs answer what the test says, and which records what it was asked to apply. */
class FakeShell implements ShellPort {
  folder: string | null = null
  file: string | null = null
  saveAs: string | null = null
  applied: Settings[] = []
  opened: string[] = []
  pickFolder = async () => this.folder
  pickFile = async () => this.file
  pickFiles = async () => (this.file ? [this.file] : null)
  pickSaveFile = async () => this.saveAs
  openFolder = async (path: string) => void this.opened.push(path)
  remembered: string[] = []
  rememberDataDir = async (dir: string) => void this.remembered.push(dir)
  applySettings = (settings: Settings) => void this.applied.push(settings)
}

let shell: FakeShell
let journal: TempJournal
let out: string
beforeEach(async () => {
  shell = new FakeShell()
  journal = await openTempJournal(undefined, undefined, shell)
  out = await mkdtemp(join(tmpdir(), 'rapport-out-'))
})
afterEach(async () => {
  await journal.dispose()
  await rm(out, { recursive: true, force: true })
})

describe('export', () => {
  it('writes the Markdown export into the folder the user picked and says how many files', async () => {
    await seedJournal(journal.handlers, new Date())
    shell.folder = out
    const result = await journal.handlers.exportMarkdown({})
    expect(result).toMatchObject({ canceled: false, folder: out, files: 6 })
    expect((await readdir(join(out, 'People'))).sort()).toEqual([
      'Ana García.md',
      'Kenji Watanabe.md',
      'Priya Natarajan.md',
      'Tomás Oliveira.md'
    ])
  })

  it('does nothing when the user cancels the dialog', async () => {
    expect(await journal.handlers.exportMarkdown({})).toEqual({ canceled: true })
    expect(await journal.handlers.exportJson({})).toEqual({ canceled: true })
  })

  it('saves a full JSON backup that is a valid journal file', async () => {
    await seedJournal(journal.handlers, new Date())
    shell.saveAs = join(out, 'backup.json')
    const result = await journal.handlers.exportJson({})
    expect(result).toMatchObject({ canceled: false, file: shell.saveAs })
    expect(await readFile(shell.saveAs, 'utf8')).toBe(await storedText(journal.file))
  })
})

describe('import', () => {
  it('previews a vCard file, changes nothing until applied, then adds and merges as previewed', async () => {
    await journal.handlers.createPerson({
      person: { name: 'Ana García', company: 'Acme', email: 'ana.garcia@example.com' }
    })
    shell.file = join(CONTACTS, 'google.vcf')
    const before = await storedFilesHash(journal.file)
    const picked = await journal.handlers.importPick({})
    if (picked.canceled || picked.preview.kind !== 'contacts') throw new Error('expected a contacts preview')
    expect(picked.preview.format).toBe('vcard')
    expect(picked.preview.items.length).toBeGreaterThan(0)
    expect(await storedFilesHash(journal.file)).toBe(before)
    const outcome = await journal.handlers.importApply({ token: picked.preview.token })
    expect(outcome.kind).toBe('contacts')
    const people = await journal.handlers.listPeople({})
    if (outcome.kind === 'contacts') expect(people.length).toBe(1 + outcome.added.length)
    // The token is spent: applying twice is refused.
    await expect(journal.handlers.importApply({ token: picked.preview.token })).rejects.toThrow(/no longer open/)
  })

  it('lets the user map CSV columns again before importing', async () => {
    shell.file = join(CONTACTS, 'google.csv')
    const picked = await journal.handlers.importPick({})
    if (picked.canceled || picked.preview.kind !== 'contacts' || !picked.preview.csv)
      throw new Error('expected a CSV preview')
    const { headers, mapping } = picked.preview.csv
    expect(mapping[headers.indexOf('Organization 1 - Name')]).toBe('company')
    const remapped = await journal.handlers.importRemap({
      token: picked.preview.token,
      mapping: mapping.map((field) => (field === 'company' ? null : field))
    })
    if (remapped.kind !== 'contacts') throw new Error('expected contacts')
    expect(remapped.items.map((item) => item.company)).toEqual(['', '', '', ''])
    await expect(journal.handlers.importRemap({ token: picked.preview.token, mapping: ['name'] })).rejects.toThrow(
      `This file has ${headers.length} columns; the mapping names 1.`
    )
  })

  it('refuses a file with no readable record with the line, and the journal stays byte-identical', async () => {
    shell.file = join(out, 'nothing.vcf')
    await writeFile(shell.file, 'BEGIN:VCARD\nVERSION:3.0\nNOTE:no one\nEND:VCARD\n')
    const before = await storedFilesHash(journal.file)
    await expect(journal.handlers.importPick({})).rejects.toThrow(/^Line \d+/)
    expect(await storedFilesHash(journal.file)).toBe(before)
  })

  it('previews a Rapport backup as a merge and applies it after saving a backup', async () => {
    const other = await openTempJournal()
    await seedJournal(other.handlers, new Date())
    const exported = join(out, 'export.json')
    await writeFile(exported, await storedText(other.file))
    await other.dispose()
    shell.file = exported
    const picked = await journal.handlers.importPick({})
    if (picked.canceled || picked.preview.kind !== 'journal') throw new Error('expected a journal preview')
    expect(picked.preview.journalIsEmpty).toBe(true)
    expect(picked.preview.peopleAdded).toHaveLength(4)
    const outcome = await journal.handlers.importApply({ token: picked.preview.token })
    expect(outcome).toMatchObject({ kind: 'journal' })
    expect((await journal.handlers.listPeople({})).map((p) => p.name)).toHaveLength(4)
  })
})

describe('backups and settings', () => {
  it('takes a backup now and opens the backups folder', async () => {
    const backup = await journal.handlers.backupNow({})
    expect(backup).toMatchObject({ kind: 'manual', problem: '' })
    await journal.handlers.openBackupsFolder({})
    expect(shell.opened).toEqual([join(journal.dir, 'backups')])
  })

  it('saves settings beside the journal and puts them into effect', async () => {
    expect((await journal.handlers.getSettings({})).settings.globalShortcut.enabled).toBe(false)
    await journal.handlers.updateSettings({
      patch: { theme: 'dark', globalShortcut: { enabled: true, accelerator: 'CommandOrControl+Shift+K' } }
    })
    expect(shell.applied.at(-1)).toMatchObject({ theme: 'dark', globalShortcut: { enabled: true } })
    expect((await SettingsFile.open(journal.dir)).settings.theme).toBe('dark')
  })

  it('keeps an unreadable settings file aside instead of overwriting it', async () => {
    await writeFile(join(journal.dir, 'settings.json'), '{ nope')
    const settings = await SettingsFile.open(journal.dir)
    expect(settings.problem).toMatch(/not valid JSON/)
    expect(settings.settings.theme).toBe('system')
    await settings.update({ theme: 'light' })
    const names = await readdir(journal.dir)
    const kept = names.find((n) => n.startsWith('settings.unreadable-'))!
    expect(await readFile(join(journal.dir, kept), 'utf8')).toBe('{ nope')
  })
})

describe('where the journal lives', () => {
  it('moves the journal, its backups and settings to an empty folder, continues there, and leaves the old copy', async () => {
    await seedJournal(journal.handlers, new Date())
    await journal.handlers.updateSettings({ patch: { theme: 'dark' } })
    const oldBytes = await storedText(journal.file)
    shell.folder = join(out, 'moved')
    expect(await journal.handlers.moveJournal({})).toEqual({ canceled: false, dataDir: shell.folder })
    expect(await storedText(join(shell.folder, 'journal.json'))).toBe(oldBytes)
    expect((await readdir(join(shell.folder, 'backups'))).length).toBeGreaterThan(0)
    expect(shell.remembered).toEqual([shell.folder])
    expect((await journal.handlers.getSettings({})).settings.theme).toBe('dark')
    // Changes now go to the new place; the old file is untouched.
    await journal.handlers.createPerson({ person: { name: 'After the move' } })
    expect(await storedText(join(shell.folder, 'journal.json'))).toContain('After the move')
    expect(await storedText(journal.file)).toBe(oldBytes)
    expect(await readdir(journal.dir)).not.toContain('journal.json.lock')
  })

  it('refuses to move onto another journal', async () => {
    const other = await openTempJournal()
    await other.session.close()
    shell.folder = other.dir
    await expect(journal.handlers.moveJournal({})).rejects.toThrow(/already has a journal/)
    await rm(other.dir, { recursive: true, force: true })
  })

  it('opens the journal in another folder, and back', async () => {
    const other = await openTempJournal()
    await other.handlers.createPerson({ person: { name: 'Someone else' } })
    await other.session.close()
    shell.folder = other.dir
    const opened = await journal.handlers.openJournal({})
    expect(opened).toMatchObject({ canceled: false, dataDir: other.dir, status: { state: 'ready', people: 1 } })
    expect((await journal.handlers.listPeople({})).map((p) => p.name)).toEqual(['Someone else'])
    shell.folder = journal.dir
    await journal.handlers.openJournal({})
    expect(await journal.handlers.listPeople({})).toEqual([])
    await rm(other.dir, { recursive: true, force: true })
  })
})
