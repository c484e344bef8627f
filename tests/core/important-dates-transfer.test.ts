/**
 * Important dates travel: a vCard's BDAY and ANNIVERSARY come in as dates (Apple's year-less birthdays
 * included), a date that is not one is named in the preview rather than silently lost, and the Markdown
 * export lists them under About.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { NO_SHELL } from '../../src/core/api/shell-port.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { NOW } from '../support/brief-fixtures.ts'

const CARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Lena Fischer',
  'ORG:Alpenfracht GmbH',
  'EMAIL:lena.fischer@alpenfracht.example',
  'BDAY:1987-12-05',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Mark Dalton',
  'BDAY;X-APPLE-OMIT-YEAR=1604:1604-07-02',
  'X-ANNIVERSARY:20120915',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Grace Lin',
  'BDAY:--0412',
  'ANNIVERSARY:2015-06-20T00:00:00Z',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Pete Varga',
  'BDAY;VALUE=text:circa 1960',
  'END:VCARD',
  ''
].join('\r\n')

let journal: TempJournal
let folder: string
const picks = { file: '', folder: '' }
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rapport-dates-'))
  journal = await openTempJournal(undefined, () => NOW, {
    ...NO_SHELL,
    pickFile: async () => picks.file,
    pickFolder: async () => picks.folder
  })
})
afterEach(async () => {
  await journal.dispose()
  await rm(folder, { recursive: true, force: true })
})

async function importCards(text: string) {
  picks.file = join(folder, 'contacts.vcf')
  await writeFile(picks.file, text)
  const picked = await journal.handlers.importPick({})
  if (picked.canceled || picked.preview.kind !== 'contacts') throw new Error('expected a contacts preview')
  const reasons = picked.preview.items.map((item) => [item.name, item.reason])
  await journal.handlers.importApply({ token: picked.preview.token })
  return reasons
}

const datesOf = async (name: string) =>
  (await journal.handlers.listPeople({})).find((p) => p.name === name)?.importantDates.map((d) => [d.label, d.date])

describe('vCard dates in', () => {
  it('brings BDAY and ANNIVERSARY in as yearly dates, with or without a year', async () => {
    const reasons = await importCards(CARDS)
    expect(await datesOf('Lena Fischer')).toEqual([['Birthday', '1987-12-05']])
    expect(await datesOf('Mark Dalton')).toEqual([
      ['Birthday', '--07-02'],
      ['Anniversary', '2012-09-15']
    ])
    expect(await datesOf('Grace Lin')).toEqual([
      ['Birthday', '--04-12'],
      ['Anniversary', '2015-06-20']
    ])
    // The person comes in; the date that is not one is named in the preview, not lost without a word.
    expect(await datesOf('Pete Varga')).toEqual([])
    expect(reasons.find(([name]) => name === 'Pete Varga')?.[1]).toBe(
      'New person. Rapport cannot read the birthday “circa 1960” (line 23) as a date, so it is left out.'
    )
    const lena = (await journal.handlers.listPeople({})).find((p) => p.name === 'Lena Fischer')!
    expect(lena.importantDates[0]).toEqual({
      label: 'Birthday',
      date: '1987-12-05',
      repeats: 'yearly',
      remindDaysBefore: null
    })
    expect((await journal.handlers.getBrief({ id: lena.id })).beforeYouDial.dates[0]?.text).toBe('Birthday in 3 days')
  })

  it('adds a birthday to someone already in the journal, but never a second one', async () => {
    const lena = await journal.handlers.createPerson({
      person: { name: 'Lena Fischer', email: 'lena.fischer@alpenfracht.example' }
    })
    await importCards(CARDS)
    expect(await datesOf('Lena Fischer')).toEqual([['Birthday', '1987-12-05']])
    await journal.handlers.updatePerson({
      id: lena.id,
      patch: { importantDates: [{ label: 'Birthday', date: '1987-12-06', repeats: 'yearly', remindDaysBefore: 2 }] }
    })
    await importCards(CARDS)
    expect(await datesOf('Lena Fischer')).toEqual([['Birthday', '1987-12-06']])
  })
})

describe('Markdown out', () => {
  it('lists the dates under About, with how often and the reminder', async () => {
    const rafael = await journal.handlers.createPerson({ person: { name: 'Rafael Costa' } })
    await journal.handlers.updatePerson({
      id: rafael.id,
      patch: {
        importantDates: [
          { label: 'Birthday', date: '--03-17', repeats: 'yearly', remindDaysBefore: 3 },
          { label: 'Contract renewal', date: '2027-03-31', repeats: 'once', remindDaysBefore: null }
        ]
      }
    })
    picks.folder = folder
    await journal.handlers.exportMarkdown({})
    const text = await readFile(join(folder, 'People', 'Rafael Costa.md'), 'utf8')
    expect(text).toContain(
      [
        '- **Important dates:**',
        '  - Birthday: 03-17 (year not known) · every year · remind 3 days before',
        '  - Contract renewal: 2027-03-31 · once'
      ].join('\n')
    )
  })
})
