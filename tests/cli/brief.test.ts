/** rapport brief: the app's pre-call brief as text, for a name typed loosely; never a guess between equals. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Brief } from '../../src/shared/pre-call-brief.ts'
import { BRIEF_SECTIONS } from '../support/brief-fixtures.ts'
import { rapportIn, removeAll, seededJournal } from './cli-harness.ts'

let dir = ''
beforeAll(async () => {
  ;({ dir } = await seededJournal(async (api) => {
    await api.createPerson({ person: { name: 'Ana Lopez', company: 'Umbrella Freight' } })
    await api.createPerson({ person: { name: 'Kai Berg' } })
    await api.createPerson({ person: { name: 'Kai Berg', company: 'Second Kai AB' } })
    await api.createPerson({ person: { name: 'Josefina Ortega', company: 'Ortega Alimentos' } })
    await api.createPerson({ person: { name: 'José Martínez', company: 'Transportes Ibéricos' } })
  }))
  // Dates as the user chose them in the app's Settings: ISO here, so the expectations do not depend on a locale.
  await writeFile(join(dir, 'settings.json'), JSON.stringify({ dateFormat: 'iso' }))
})
afterAll(() => removeAll(dir))

describe('rapport brief', () => {
  it('prints the brief in the app’s order, with every section', async () => {
    const run = await rapportIn(dir, 'brief', 'Ana', 'García')
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const text = run.stdout
    expect(text.startsWith('Pre-call brief: Ana García\nCFO · Acme Logistics\n\nBefore you dial\n')).toBe(true)
    expect(text).toContain('  Boundaries: No calls before 9:30 — school run.')
    expect(text).toMatch(
      /^ {2}Relationship style: Wants a relationship: “I like partners who tell me when something will not work\.” \(asked \d{4}-\d{2}-\d{2}\)$/m
    )
    expect(text).toMatch(/^ {2}Their time: \d{2}:\d{2} \w{3} in Europe\/Madrid · /m)
    expect(text).toMatch(/^ {2}Last contact: yesterday \(\d{4}-\d{2}-\d{2}\)$/m)
    const positions = BRIEF_SECTIONS.map((heading) => text.indexOf(`\n${heading}\n`))
    expect(positions.every((at) => at > 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(text).toMatch(/^ {2}1\. You owe them: “Send two pricing options” · due today$/m)
    expect(text).toContain('  - You owe them: “Send two pricing options” · due today')
    expect(text).toMatch(/^ {2}- They owe you: “Share carrier volumes for 2026” · due \d{4}-\d{2}-\d{2}$/m)
    expect(text).toContain('  Interests: Real Madrid (in common), ')
    expect(text).toContain('  Wants the finance team to close the month in three days instead of ten.')
    expect(text).toMatch(/^ {2}- Month-end close takes ten days · since \d{4}-\d{2}-\d{2}$/m)
    // The last three conversations, newest first, each with its first line that says something.
    const recent = text.slice(text.indexOf('\nLast conversations\n'))
    expect(recent.match(/^ {2}- \d{4}-\d{2}-\d{2} · /gm)).toHaveLength(3)
    expect(recent).toMatch(/· Call · Pricing for the Q1 renewal\n {4}She needs two options: annual and multi-year\./)
  })

  it('says what is missing instead of leaving sections out', async () => {
    const text = (await rapportIn(dir, 'brief', 'Tomás')).stdout
    expect(text).toContain('Last contact: None yet, so this will be the first conversation')
    expect(text).toContain('Boundaries: none noted')
    expect(text).toContain('Open commitments\n  None either way.')
    expect(text).toContain('What drives them\n  Not noted yet.')
    expect(text).toContain('Last conversations\n  No conversations yet.')
  })

  it('finds the person from part of the name, without accents, or misspelt', async () => {
    for (const name of ['kenji', 'Watanabe', 'tomas oliveira', 'Priya Natarjan', 'ana garc']) {
      const run = await rapportIn(dir, 'brief', name)
      expect(run.code, name).toBe(0)
      expect(run.stdout, name).toMatch(/^Pre-call brief: (Kenji Watanabe|Tomás Oliveira|Priya Natarajan|Ana García)\n/)
    }
    expect((await rapportIn(dir, 'brief', 'ana garc')).stdout).toMatch(/^Pre-call brief: Ana García\n/)
  })

  it('picks the person the search ranks first, accents folded the same way: “Jose” is José, not Josefina', async () => {
    const search = await rapportIn(dir, 'search', 'Jose', '--json')
    const rows = JSON.parse(search.stdout) as Array<{ personName: string }>
    expect(rows[0]?.personName).toBe('José Martínez')
    expect(rows.map((row) => row.personName)).toContain('Josefina Ortega')
    expect((await rapportIn(dir, 'brief', 'Jose')).stdout).toMatch(/^Pre-call brief: José Martínez\n/)
    expect((await rapportIn(dir, 'brief', 'josefina')).stdout).toMatch(/^Pre-call brief: Josefina Ortega\n/)
  })

  it('lists the people who match equally and asks for more of the name', async () => {
    const run = await rapportIn(dir, 'brief', 'Ana')
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      'rapport: Several people match “Ana”; give more of the name:\n  Ana García (Acme Logistics)\n  Ana Lopez (Umbrella Freight)\n'
    )
    const twins = await rapportIn(dir, 'brief', 'kai berg')
    expect(twins.code).toBe(1)
    expect(twins.stderr.split('\n').slice(1).sort()).toEqual(['', '  Kai Berg', '  Kai Berg (Second Kai AB)'])
  })

  it('fails with one line when no one matches', async () => {
    const run = await rapportIn(dir, 'brief', 'Zebulon')
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('rapport: No one in the journal matches “Zebulon”.\n')
  })

  it('--json prints the brief the app gets, its blocks as fields', async () => {
    const run = await rapportIn(dir, 'brief', 'Ana García', '--json')
    const brief = JSON.parse(run.stdout) as Brief
    expect(brief.person.name).toBe('Ana García')
    expect(brief.recent).toHaveLength(3)
    expect(brief.beforeYouDial).toMatchObject({
      boundaries: 'No calls before 9:30 — school run.',
      style: { kind: 'relationship', theirWords: 'I like partners who tell me when something will not work.' },
      localTime: { zone: 'Europe/Madrid' },
      dates: []
    })
    expect(brief.talkingPoints[0]).toMatchObject({
      kind: 'commitment-mine',
      label: 'You owe them',
      quote: 'Send two pricing options',
      detail: 'due today',
      text: 'You owe them: “Send two pricing options” · due today'
    })
    expect(brief.commitments.now.map((f) => f.title)).toEqual([
      'Send two pricing options',
      'Share carrier volumes for 2026'
    ])
    expect(brief.commitments).toMatchObject({ later: [], older: [], olderText: '' })
    expect(brief.whatChanged.map((c) => c.conversationTitle)).toContain('Intro call: Ana meets Priya')
    expect(brief.heldBack).toEqual([])
    // Everything the text prints comes from these fields.
    const text = (await rapportIn(dir, 'brief', 'Ana García')).stdout
    for (const point of brief.talkingPoints) expect(text).toContain(point.text)
    for (const change of brief.whatChanged) expect(text).toContain(change.text)
  })
})
