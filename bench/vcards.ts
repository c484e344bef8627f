/** A vCard 3.0 file of the given people, as a phone's contacts app would export them. */
import type { Person } from '../src/shared/schema/person.ts'

const escape = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\n/g, '\\n')

export function vcards(people: readonly Person[]): string {
  return people
    .map((p, i) => {
      const [given = '', ...family] = p.name.split(' ')
      return [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `N:${escape(family.join(' '))};${escape(given)};;;`,
        `FN:${escape(p.name)}`,
        `ORG:${escape(p.company)}`,
        `TITLE:${escape(p.role)}`,
        `EMAIL;TYPE=INTERNET:contact${i}@example.com`,
        `TEL;TYPE=CELL:+1 555 ${String(1000 + i).padStart(4, '0')}`,
        'END:VCARD'
      ].join('\r\n')
    })
    .join('\r\n')
}
