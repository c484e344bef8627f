/** rapport brief: the app's pre-call brief as text, for a name typed loosely; never a guess between equals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
})
afterAll(() => removeAll(dir))

const SECTIONS = [
  'Talking points',
  'Open commitments',
  'Life outside work',
  'What drives them',
  'Open challenges',
  'Last conversations'
]

describe('rapport brief', () => {
  it('prints the brief in the app’s order, with every section', async () => {
    const run = await rapportIn(dir, 'brief', 'Ana', 'García')
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const text = run.stdout
    expect(text.startsWith('Pre-call brief: Ana García\nCFO · Acme Logistics\n')).toBe(true)
    expect(text).toContain(
      'Relationship style: Wants a relationship — “I like partners who tell me when something will not work.”'
    )
    expect(text).toMatch(/^Last contact: yesterday \(\d{4}-\d{2}-\d{2}\)$/m)
    expect(text).toContain('Time zone: Europe/Madrid')
    const positions = SECTIONS.map((heading) => text.indexOf(`\n${heading}\n`))
    expect(positions.every((at) => at > 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(text).toMatch(/^ {2}1\. You promised “Send two pricing options” \(due today\): deliver it or say when\.$/m)
    expect(text).toContain('  - I owe: Send two pricing options · due ')
    expect(text).toContain('  - They owe: Share carrier volumes for 2026 · due ')
    expect(text).toContain('  Interests: Real Madrid (in common), ')
    expect(text).toContain('  Wants the finance team to close the month in three days instead of ten.')
    expect(text).toContain('  - Month-end close takes ten days · since ')
    // The last three conversations, newest first, each with its first line.
    const recent = text.slice(text.indexOf('\nLast conversations\n'))
    expect(recent.match(/^ {2}- \d{4}-\d{2}-\d{2} · /gm)).toHaveLength(3)
    expect(recent).toMatch(/· Call · Pricing for the Q1 renewal\n {4}She needs two options: annual and multi-year\./)
  })

  it('says what is missing instead of leaving sections out', async () => {
    const text = (await rapportIn(dir, 'brief', 'Tomás')).stdout
    expect(text).toContain('Last contact: none yet, so this will be the first conversation')
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

  it('--json prints the brief the app gets', async () => {
    const run = await rapportIn(dir, 'brief', 'Ana García', '--json')
    const brief = JSON.parse(run.stdout) as {
      person: { name: string }
      recent: unknown[]
      talkingPoints: Array<{ kind: string }>
    }
    expect(brief.person.name).toBe('Ana García')
    expect(brief.recent).toHaveLength(3)
    expect(brief.talkingPoints[0]?.kind).toBe('commitment-mine')
  })
})
