/**
 * The ranking rules, one case each, through the search handler: accents and case folded as names are, a
 * typo budget that grows with the word, phrases above scattered words, fields weighted by what they say
 * about the person, then recency; Arabic's attached article. Each miss a seller once saw is a case here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import type { Channel } from '../../src/shared/choices.ts'
import type { NewPerson } from '../../src/shared/schema/person.ts'
import { timeOffset } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

const now = new Date(2026, 10, 23, 10)
let journal: TempJournal
let api: Handlers

async function person(profile: NewPerson): Promise<string> {
  return (await api.createPerson({ person: profile })).id
}

async function note(personId: string, daysAgo: number, title: string, body: string, channel: Channel = 'call') {
  await api.logConversation({
    conversation: { personIds: [personId], date: timeOffset(now, -daysAgo), channel, title, body },
    followUps: []
  })
}

beforeAll(async () => {
  journal = await openTempJournal(undefined, () => now)
  api = journal.handlers
  // Accents: a shorter name that is exactly what was typed, and a longer one it begins.
  const jose = await person({ name: 'José Martínez', company: 'Transportes Ibéricos', role: 'Fleet Manager' })
  const josefina = await person({ name: 'Josefina Ortega', company: 'Ortega Alimentos', role: 'CFO' })
  await note(josefina, 2, 'Budget call', 'Josefina wants the renewal priced in pesos.')
  await note(jose, 40, 'Depot visit', 'Walked the cross-dock in Zaragoza.')
  // Typos in a long surname; a short name close to a common word.
  await person({ name: 'Katarzyna Kowalczyk', company: 'Wisła Cargo', role: 'Procurement Director' })
  await person({ name: 'Ana Garcés', company: 'Umbrella', role: 'Buyer' })
  await person({ name: 'Ingrid Bøe', company: 'Fjordline Seafood', role: 'CFO' })
  await person({ name: 'Jonas Weiß', company: 'Alpen Brauerei', role: 'Head of Logistics' })
  // A boundary and notes about the gym, against someone whose hobby mentions one.
  const tobias = await person({
    name: 'Tobias Lind',
    company: 'Nordlicht Energie',
    boundaries: 'Never talk shop at the gym; we train at the same one.'
  })
  await note(tobias, 20, 'Saw Tobias', 'Small talk at the gym, nothing about the renewal.', 'chance encounter')
  const mira = await person({ name: 'Mira Sand', company: 'Sand & Stone' })
  await api.addInterest({
    interest: { ownerId: mira, label: 'Climbing gym', category: 'sport', note: 'Bouldering on Tuesdays.' }
  })
  // A company with an umlaut, against a name one letter away.
  const anja = await person({ name: 'Anja Köhler', company: 'Müller & Söhne Spedition', role: 'Head of Finance' })
  for (const [daysAgo, title] of [
    [8, 'Accruals at Müller & Söhne'],
    [50, 'Müller & Söhne customer dinner'],
    [90, 'First call with Müller & Söhne']
  ] as const)
    await note(anja, daysAgo, title, 'Freight accruals, carrier invoices, month-end close.')
  const frank = await person({ name: 'Frank Miller', company: 'Miller Fresh Produce', role: 'Owner' })
  await note(frank, 4, 'Reefer rates', 'Frank Miller wants the Miller trucks audited before spring.')
  // A phrase in one note, the same two words scattered in others.
  const ines = await person({ name: 'Inês Duarte', company: 'Tejo Cork' })
  await note(ines, 30, 'Pilot scope', 'She asked for sample data from the Porto plant before the pilot.')
  for (const [name, body] of [
    ['Paul Weber', 'The data team will pick a sample of lanes next month.'],
    ['Rui Costa', 'Sample invoices arrived. Their data warehouse is on Snowflake.'],
    ['Lea Moreau', 'Asked for a data export; a sample contract follows.']
  ]) {
    await note(await person({ name: name! }), 3, 'Catch-up', body!)
  }
  // Arabic: the word with the article and a particle attached, and on its own.
  await person({ name: 'يوسف المنصوري', company: 'مجموعة الشحن السريع' })
  const layla = await person({ name: 'Layla Haddad', company: 'Gulf Bridge Trading' })
  await note(layla, 5, 'عرض الأسعار', 'وعدت بإرسال عرض الأسعار للشحن البحري.')
})
afterAll(() => journal.dispose())

const people = async (text: string) => (await api.search({ query: { text } })).groups.map((g) => g.personName)

describe('accents and case', () => {
  it('ranks the person whose name is exactly what was typed, accents aside, above a longer name it begins', async () => {
    expect((await people('Jose')).slice(0, 2)).toEqual(['José Martínez', 'Josefina Ortega'])
    expect((await people('JOSÉ'))[0]).toBe('José Martínez')
  })

  it('folds letters without accents to their base letters, as people type them', async () => {
    expect((await people('Wisla'))[0]).toBe('Katarzyna Kowalczyk')
    expect((await people('Boe'))[0]).toBe('Ingrid Bøe')
    expect((await people('Weiss'))[0]).toBe('Jonas Weiß')
  })
})

describe('typos', () => {
  it('allows two typos in a word of eight letters or more', async () => {
    expect((await people('Kowalcik'))[0]).toBe('Katarzyna Kowalczyk')
    expect((await people('Katarzina Kowalcyk'))[0]).toBe('Katarzyna Kowalczyk')
  })

  it('counts a swap of neighbouring letters as one typo', async () => {
    // "Garcés" → "garces"; "gracse" is two swaps away, "gracés" one: six letters allow one.
    expect((await people('Graces'))[0]).toBe('Ana Garcés')
    expect(await people('Gracse ')).toEqual([])
  })

  it('allows one typo from five letters and none below', async () => {
    expect((await people('Milller'))[0]).toBe('Frank Miller')
    expect(await people('Anje ')).toEqual([])
  })

  it('does not stretch two typos over a word of seven letters', async () => {
    expect(await people('Katrzna ')).toEqual([])
  })
})

describe('field weights, then recency', () => {
  it('puts a boundary and notes about the gym above a hobby that mentions one', async () => {
    expect((await people('gym')).slice(0, 2)).toEqual(['Tobias Lind', 'Mira Sand'])
  })

  it('puts an exact company match above a name one typo away', async () => {
    expect((await people('Muller')).slice(0, 2)).toEqual(['Anja Köhler', 'Frank Miller'])
  })

  it('orders the same word by where it is: name, company, profile, interest, title, note', async () => {
    const where = async (field: string, profile: Omit<NewPerson, 'name'>) =>
      person({ ...profile, name: `${field} Hale` })
    await where('Quillon', { company: 'Nobody Ltd' })
    await where('Byrne', { company: 'Quillon Freight' })
    await where('Ashe', { drives: 'Wants to win the Quillon tender.' })
    const interested = await where('Dunmore', {})
    await api.addInterest({ interest: { ownerId: interested, label: 'Quillon sailing', category: 'sport', note: '' } })
    await note(await where('Elmsley', {}), 1, 'Quillon review', 'Went through the numbers.')
    await note(await where('Farrow', {}), 1, 'Review', 'Mentioned Quillon once.')
    expect(await people('quillon')).toEqual([
      'Quillon Hale',
      'Byrne Hale',
      'Ashe Hale',
      'Dunmore Hale',
      'Elmsley Hale',
      'Farrow Hale'
    ])
  })

  it('puts the more recent of two equal notes first', async () => {
    await note(await person({ name: 'Old Vexley' }), 300, 'Review', 'Talked about the Vexbridge lane.')
    await note(await person({ name: 'New Vexley' }), 2, 'Review', 'Talked about the Vexbridge lane.')
    expect(await people('vexbridge')).toEqual(['New Vexley', 'Old Vexley'])
  })
})

describe('phrases', () => {
  it('puts the note with the words side by side above notes where they are scattered', async () => {
    const found = await people('sample data')
    expect(found[0]).toBe('Inês Duarte')
    expect(found.slice(1).sort()).toEqual(['Lea Moreau', 'Paul Weber', 'Rui Costa'])
  })
})

describe('scripts with attached articles', () => {
  it('finds an Arabic word under its article and particles, and ranks the company above a note', async () => {
    expect((await people('شحن')).slice(0, 2)).toEqual(['يوسف المنصوري', 'Layla Haddad'])
    expect((await people('الشحن'))[0]).toBe('يوسف المنصوري')
    expect(await people('للشحن')).toContain('Layla Haddad')
  })
})
