/**
 * People as vCard 4.0 (RFC 6350), the contact file Google Contacts, Apple Contacts and Outlook import: a
 * seller takes their people with them. Each card holds what a contact app has a place for: the name, company,
 * job title, every email and phone (the first ones preferred), where they are, tags, "How we met" as the
 * note, and a birthday and anniversary. Reading the file back with Rapport's import gives the same people.
 */
import type { Person } from '../../shared/schema/person.ts'
import { RapportError } from '../rapport-error.ts'
import { icsLines, icsStamp, icsText } from './ics-text.ts'
import { writeOwnFile } from './own-file.ts'

export const VCARD_PRODID = '-//Rapport//Rapport contacts//EN'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The cards of `people`, in their order, as one file's text (CRLF, folded at 75 octets). */
export function renderVCards(people: readonly Person[]): string {
  return people.map((person) => icsLines(card(person))).join('')
}

function card(person: Person): string[] {
  const [family, given] = nameParts(person.name)
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `PRODID:${VCARD_PRODID}`,
    `UID:${UUID.test(person.id) ? `urn:uuid:${person.id}` : icsText(person.id)}`,
    `FN:${icsText(person.name)}`,
    `N:${icsText(family)};${icsText(given)};;;`
  ]
  if (person.company) lines.push(`ORG:${icsText(person.company)}`)
  if (person.role) lines.push(`TITLE:${icsText(person.role)}`)
  const emails = [person.email, ...person.otherEmails].filter(Boolean)
  emails.forEach((email, i) => lines.push(`EMAIL${i === 0 && person.email ? ';PREF=1' : ''}:${icsText(email)}`))
  const phones = [person.phone, ...person.otherPhones].filter(Boolean)
  phones.forEach((phone, i) =>
    lines.push(`TEL;VALUE=text${i === 0 && person.phone ? ';PREF=1' : ''}:${icsText(phone)}`)
  )
  // Rapport keeps a place as one line ("Madrid, Spain"): it goes where contact apps show the city.
  if (person.location) lines.push(`ADR:;;;${icsText(person.location)};;;`)
  if (person.tags.length > 0) lines.push(`CATEGORIES:${person.tags.map(icsText).join(',')}`)
  if (person.howWeMet) lines.push(`NOTE:${icsText(person.howWeMet)}`)
  lines.push(...cardDates(person))
  lines.push(`REV:${icsStamp(new Date(person.updatedAt))}`, 'END:VCARD')
  return lines
}

/** A birthday and an anniversary have properties of their own ("--0317" when the year is not known). */
function cardDates(person: Person): string[] {
  const lines: string[] = []
  for (const [label, property] of [
    ['birthday', 'BDAY'],
    ['anniversary', 'ANNIVERSARY']
  ] as const) {
    const found = person.importantDates.find((d) => d.label.toLowerCase() === label && d.repeats === 'yearly')
    if (found) lines.push(`${property}:${found.date.replaceAll('-', '').replace(/^(?=\d{4}$)/, '--')}`)
  }
  return lines
}

/** Family and given names for N, which apps sort by: the last word is taken as the family name. */
function nameParts(name: string): [string, string] {
  const words = name.trim().split(/\s+/)
  if (words.length < 2) return [name.trim(), '']
  return [words.at(-1)!, words.slice(0, -1).join(' ')]
}

/** Everyone, or the people given (in the journal's order); an id not in the journal is refused. */
export function peopleToExport(people: readonly Person[], ids?: readonly string[]): Person[] {
  if (people.length === 0) throw new RapportError('invalid-input', 'There is no one in the journal to export yet.')
  if (!ids) return [...people]
  const known = new Set(people.map((person) => person.id))
  const missing = ids.find((id) => !known.has(id))
  if (missing) throw new RapportError('not-found', 'That person is no longer in the journal.')
  const wanted = new Set(ids)
  return people.filter((person) => wanted.has(person.id))
}

/** Saves the cards at `file`, replacing only a vCard file Rapport wrote there before. */
export async function writeVCards(file: string, text: string): Promise<void> {
  await writeOwnFile(file, text, `\r\nPRODID:${VCARD_PRODID}\r\n`, 'a contacts file')
}
