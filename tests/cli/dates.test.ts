/** Important dates on the command line: `rapport today` lists those coming up, `rapport brief` says when. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayOffset } from '../support/seed-journal.ts'
import { rapportIn, removeAll, seededJournal } from './cli-harness.ts'

let dir = ''
const inThreeDays = dayOffset(new Date(), 3)
beforeAll(async () => {
  ;({ dir } = await seededJournal(async (api) => {
    const ana = (await api.listPeople({})).find((p) => p.name === 'Ana García')!
    const [, month, day] = inThreeDays.split('-')
    await api.updatePerson({
      id: ana.id,
      patch: {
        importantDates: [
          { label: 'Birthday', date: `--${month}-${day}`, repeats: 'yearly', remindDaysBefore: null },
          { label: 'Contract renewal', date: dayOffset(new Date(), 45), repeats: 'once', remindDaysBefore: 60 }
        ]
      }
    })
  }))
})
afterAll(() => removeAll(dir))

describe('important dates from a terminal', () => {
  it('rapport today lists the dates coming up, from their reminder lead time', async () => {
    const run = await rapportIn(dir, 'today')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /\nDates coming up \(2\)\n {2}Ana García: Birthday in 3 days · \w{3} \d{4}-\d{2}-\d{2}\n {2}Ana García: Contract renewal in 45 days · /
    )
    const json = JSON.parse((await rapportIn(dir, 'today', '--json')).stdout) as {
      dates: Array<{ personName: string; label: string; on: string; inDays: number }>
    }
    expect(json.dates.map((d) => [d.personName, d.label, d.on, d.inDays])).toEqual([
      ['Ana García', 'Birthday', inThreeDays, 3],
      ['Ana García', 'Contract renewal', dayOffset(new Date(), 45), 45]
    ])
  })

  it('rapport brief says “Birthday in 3 days” before you dial', async () => {
    const text = (await rapportIn(dir, 'brief', 'Ana García')).stdout
    expect(text).toMatch(/^ {2}Coming up: Birthday in 3 days \(.+\)$/m)
    expect(text).toMatch(/^ {2}Coming up: Contract renewal in 45 days \(.+\)$/m)
  })
})
