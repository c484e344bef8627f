/**
 * The commands that write — add, log, follow-up, done — and today, against the seeded seller's journal:
 * through the app's handlers, names found as brief finds them, and a refused command changes nothing.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localDay } from '../../src/core/days.ts'
import { folderSnapshot, foldersPerTest, rapportIn, rapportWithInput } from './cli-harness.ts'

const folders = foldersPerTest()

/** The brief of `name` as JSON, to see what the journal now holds. */
async function briefOf(dir: string, name: string) {
  const run = await rapportIn(dir, 'brief', name, '--json')
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as {
    person: { name: string; company: string; email: string; tags: string[]; cadenceDays: number | null }
    recent: Array<{ title: string; channel: string; date: string }>
    openCommitments: Array<{ id: string; title: string; dueDate: string; direction: string }>
  }
}

const dayFrom = (offset: number) => {
  const now = new Date()
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, 12))
}

describe('rapport add', () => {
  it('adds a person with their details and tags, and prints their id', async () => {
    const { dir } = await folders.journal()
    const run = await rapportIn(
      dir,
      'add',
      'Nadia Haddad',
      '--company',
      'Orbit Freight',
      '--role',
      'COO',
      '--email',
      'nadia@orbit.example',
      '--tag',
      'champion',
      '--tag',
      'Q2 pilot',
      '--cadence',
      '21'
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Added Nadia Haddad \(Orbit Freight\)\. Id: [0-9a-f-]{36}\n$/)
    expect((await briefOf(dir, 'Nadia Haddad')).person).toMatchObject({
      name: 'Nadia Haddad',
      company: 'Orbit Freight',
      email: 'nadia@orbit.example',
      tags: ['champion', 'Q2 pilot'],
      cadenceDays: 21
    })
    const json = await rapportIn(dir, 'add', 'Björn Ek', '--json')
    expect(JSON.parse(json.stdout)).toMatchObject({ name: 'Björn Ek', company: '', tags: [] })
  })

  it('does not add someone of the same name twice unless told to, and changes nothing when it refuses', async () => {
    const { dir } = await folders.journal()
    const before = await folderSnapshot(dir)
    const run = await rapportIn(dir, 'add', 'ana garcia')
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'rapport: Ana García (Acme Logistics) is already in the journal; nothing was added. Add --duplicate if this is another person.\n'
    })
    expect(await folderSnapshot(dir)).toEqual(before)
    expect((await rapportIn(dir, 'add', 'Ana García', '--company', 'Other SL', '--duplicate')).code).toBe(0)
  })

  it('refuses a value the journal refuses with its message, exit 1, and the journal unchanged', async () => {
    const { dir, file } = await folders.journal()
    const before = await readFile(file, 'utf8')
    expect(await rapportIn(dir, 'add', 'Nadia', '--email', 'not-an-email')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'rapport: That email address does not look right.\n'
    })
    expect(await readFile(file, 'utf8')).toBe(before)
  })
})

describe('the commands that write, and the change log', () => {
  it('append each change to the app’s change log under its lock, and leave the snapshot as it is', async () => {
    const { dir } = await folders.journal()
    const snapshot = join(dir, 'journal.json')
    const log = join(dir, 'journal.json.log')
    expect((await rapportIn(dir, 'add', 'Lena Vogt')).code).toBe(0)
    const before = { snapshot: await readFile(snapshot), log: await readFile(log, 'utf8') }
    expect((await rapportIn(dir, 'log', 'Lena Vogt', 'Asked for the SLA draft.')).code).toBe(0)
    expect((await rapportIn(dir, 'follow-up', 'Lena Vogt', 'Send the SLA draft', '--due', 'friday')).code).toBe(0)
    expect((await readFile(snapshot)).equals(before.snapshot)).toBe(true)
    const after = await readFile(log, 'utf8')
    expect(after.startsWith(before.log)).toBe(true)
    // One record a change, each numbered one past the one before.
    const added = after.slice(before.log.length).split('\n').filter(Boolean)
    const last = Number(before.log.trimEnd().split('\n').at(-1)!.split(' ')[0])
    expect(added.map((line) => Number(line.split(' ')[0]))).toEqual([last + 1, last + 2])
    expect(existsSync(`${snapshot}.lock`)).toBe(false)
  })
})

describe('rapport log', () => {
  it('logs a call with the notes given, titled by their first line', async () => {
    const { dir } = await folders.journal()
    const run = await rapportIn(dir, 'log', 'kenji', 'Agreed the rate card.', 'Wants it signed by Friday.')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `^Logged call with Kenji Watanabe on ${localDay(new Date())}: “Agreed the rate card\\. Wants it signed by Friday\\.”\\. Id: [0-9a-f-]{36}\\n$`
      )
    )
    expect((await briefOf(dir, 'Kenji Watanabe')).recent[0]).toMatchObject({
      title: 'Agreed the rate card. Wants it signed by Friday.',
      channel: 'call'
    })
  })

  it('reads the notes from stdin with “-”, on the channel and day given', async () => {
    const { dir } = await folders.journal()
    const notes = '## Discovery at Globex\n\n- [ ] ask about the Q3 freeze\n- Budget: €120k\n'
    const run = await rapportWithInput(
      ['--data-dir', dir, 'log', 'Priya', '-', '--channel', 'meeting', '--date', 'yesterday', '--json'],
      notes
    )
    expect(run.code, run.stderr).toBe(0)
    const logged = JSON.parse(run.stdout) as { title: string; body: string; channel: string; date: string }
    expect(logged).toMatchObject({ title: 'Discovery at Globex', body: notes, channel: 'meeting' })
    expect(localDay(new Date(logged.date))).toBe(dayFrom(-1))
  })

  it('lists the candidates for an ambiguous name, and exits 1 with nothing logged', async () => {
    const { dir } = await folders.journal()
    await rapportIn(dir, 'add', 'Ana Lopez', '--company', 'Umbrella')
    const before = await folderSnapshot(dir)
    const run = await rapportIn(dir, 'log', 'Ana', 'Hello')
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'rapport: Several people match “Ana”; give more of the name:\n  Ana García (Acme Logistics)\n  Ana Lopez (Umbrella)\n'
    })
    expect((await rapportIn(dir, 'log', 'Zebedee Nobody', 'Hello')).stderr).toBe(
      'rapport: No one in the journal matches “Zebedee Nobody”.\n'
    )
    expect(await folderSnapshot(dir)).toEqual(before)
  })
})

describe('rapport follow-up and rapport done', () => {
  it('adds a follow-up due on the coming weekday, then marks it done by its id', async () => {
    const { dir } = await folders.journal()
    const friday = dayFrom((5 - new Date().getDay() + 7) % 7)
    const added = await rapportIn(dir, 'follow-up', 'Tomás', 'Send the security questionnaire', '--due', 'fri')
    expect(added.code).toBe(0)
    const id = /Id: ([0-9a-f-]{36})\n$/.exec(added.stdout)![1]!
    expect(added.stdout).toMatch(
      new RegExp(`^I owe Tomás Oliveira: Send the security questionnaire, due Fri ${friday}\\.`)
    )
    expect((await briefOf(dir, 'Tomás Oliveira')).openCommitments).toEqual([
      expect.objectContaining({ id, dueDate: friday, direction: 'i-owe' })
    ])

    const done = await rapportIn(dir, 'done', id)
    expect(done).toEqual({
      code: 0,
      stdout: `Done: I owe Tomás Oliveira: Send the security questionnaire (due ${friday}, done ${localDay(new Date())}).\n`,
      stderr: ''
    })
    expect((await briefOf(dir, 'Tomás Oliveira')).openCommitments).toEqual([])
  })

  it('records what they owe with --they-owe, and a done day given with --on', async () => {
    const { dir } = await folders.journal()
    const added = JSON.parse(
      (
        await rapportIn(
          dir,
          'follow-up',
          'Priya Natarajan',
          'Intro to their CFO',
          '--due',
          'tomorrow',
          '--they-owe',
          '--json'
        )
      ).stdout
    ) as { id: string; direction: string; dueDate: string }
    expect(added).toMatchObject({ direction: 'they-owe', dueDate: dayFrom(1) })
    const done = JSON.parse((await rapportIn(dir, 'done', added.id, '--on', 'yesterday', '--json')).stdout) as {
      completedOn: string
    }
    expect(done.completedOn).toBe(dayFrom(-1))
  })

  it('says so, exit 1, for an id that is not in the journal', async () => {
    const { dir } = await folders.journal()
    expect(await rapportIn(dir, 'done', '00000000-0000-4000-8000-000000000000')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'rapport: That follow-up is no longer in the journal.\n'
    })
    expect((await rapportIn(dir, 'done', '../x')).code).toBe(1)
  })
})

describe('rapport today', () => {
  it('lists overdue, due today and the next 7 days with ids, and who is overdue a call', async () => {
    const { dir } = await folders.journal()
    const run = await rapportIn(dir, 'today')
    expect(run.code).toBe(0)
    const text = run.stdout
    expect(text).toMatch(/^Today, \w{3} \d{4}-\d{2}-\d{2}\n\nOverdue \(2\)\n/)
    expect(text).toMatch(
      /^ {2}Kenji Watanabe owes me: Return the signed NDA · due \d{4}-\d{2}-\d{2}, 4 days overdue {2}\[[0-9a-f-]{36}\]$/m
    )
    expect(text).toMatch(/\nDue today \(1\)\n {2}I owe Ana García: Send two pricing options {2}\[[0-9a-f-]{36}\]\n/)
    expect(text).toMatch(
      /\nNext 7 days \(1\)\n {2}Ana García owes me: Share carrier volumes for 2026 · \w{3} \d{4}-\d{2}-\d{2} {2}\[/
    )
    expect(text).toMatch(
      /\nKeep in touch \(1\)\n {2}Kenji Watanabe: last contact \d{4}-\d{2}-\d{2}, 75 days ago \(every 30 days\)\n$/
    )
  })

  it('prints JSON with --json', async () => {
    const { dir } = await folders.journal()
    const today = JSON.parse((await rapportIn(dir, 'today', '--json')).stdout) as Record<
      string,
      Array<{ title?: string; daysOverdue?: number; personName: string }>
    >
    expect(today.overdue!.map((f) => [f.personName, f.title, f.daysOverdue])).toEqual([
      ['Kenji Watanabe', 'Return the signed NDA', 4],
      ['Priya Natarajan', 'Send trail race photos', 2]
    ])
    expect(today.dueToday!.map((f) => f.title)).toEqual(['Send two pricing options'])
    expect(today.upcoming!.map((f) => [f.title, f.daysOverdue])).toEqual([['Share carrier volumes for 2026', -3]])
    expect(today.lapsed!.map((l) => l.personName)).toEqual(['Kenji Watanabe'])
  })
})
