/**
 * A Google Contacts CSV (the newer format) of `rows` people, as a seller's phone book exports it: some with
 * several emails or phones in one cell (" ::: "), labels, multi-line notes, a few rows with no name.
 */
import { COMPANY_SUFFIX, FAMILY, GIVEN, ROLES } from './names.ts'
import { Random } from './random.ts'

const HEADER = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'File As',
  'Organization Name',
  'Organization Title',
  'Birthday',
  'Notes',
  'Labels',
  'E-mail 1 - Label',
  'E-mail 1 - Value',
  'E-mail 2 - Label',
  'E-mail 2 - Value',
  'Phone 1 - Label',
  'Phone 1 - Value',
  'Address 1 - City',
  'Address 1 - Country'
]

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

export function contactsCsv(rows: number, seed = 11): string {
  const random = new Random(seed)
  const lines = [HEADER.join(',')]
  for (let i = 0; i < rows; i++) {
    const given = random.pick(GIVEN)
    const family = random.pick(FAMILY)
    const company = `${random.pick(FAMILY)} ${random.pick(COMPANY_SUFFIX)}`
    const nameless = i % 97 === 0
    const emails = [`contact${i}@example.com`, ...(i % 5 === 0 ? [`c${i}.home@mail.example`] : [])]
    const phones = [
      `+1 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
      ...(i % 4 === 0 ? [`+44 20 7946 ${String(i % 10000).padStart(4, '0')}`] : [])
    ]
    const row = [
      nameless ? '' : given,
      i % 13 === 0 ? 'van' : '',
      nameless ? '' : family,
      i % 50 === 0 ? 'Dr.' : '',
      '',
      '',
      nameless ? '' : `${family}, ${given}`,
      company,
      random.pick(ROLES),
      '',
      i % 3 === 0 ? `Met at the ${2020 + (i % 6)} trade fair.\nFollow up about pricing.` : '',
      `* myContacts ::: ${random.pick(['Clients', 'Prospects', 'Partners'])}`,
      emails.map(() => '* Work').join(' ::: '),
      emails.join(' ::: '),
      '',
      i % 7 === 0 ? `contact${i}@other.example` : '',
      'Mobile',
      phones.join(' ::: '),
      random.pick(['Madrid', 'Lagos', 'Osaka', 'Bergen', 'Lima']),
      ''
    ]
    lines.push(row.map(quote).join(','))
  }
  return `${lines.join('\n')}\n`
}
