/**
 * Deciding what an import does before it does it, then doing it in one durable change. A contact that
 * is already in the journal (or earlier in the same file) is merged by default, never silently added twice;
 * one that only shares an email under another name is marked a possible duplicate for the user to decide.
 *
 * A card's NOTE (or a CSV "Notes" column) becomes the person's "How we met": it is the one About field
 * for free context, and contact-app notes are usually exactly that ("Met at Web Summit 2025"). Its BDAY and
 * ANNIVERSARY become important dates (contact-dates.ts), here where the contact becomes a person.
 */
import { randomUUID } from 'node:crypto'
import type { Journal } from '../../shared/schema/journal.ts'
import { defaultProfile } from '../../shared/schema/person.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { ImportAction } from '../../shared/transfer.ts'
import { addEmails, addPhones } from './contact-address.ts'
import type { ContactCandidate } from './contact-candidate.ts'
import { contactDates } from './contact-dates.ts'
import { ContactIndex, nameKey } from './contact-match.ts'
import type { Match } from './contact-match.ts'
import { ImportProblem } from './import-problem.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { RapportError } from '../rapport-error.ts'

export type { ImportAction }
export const IMPORT_ACTIONS: readonly ImportAction[] = ['add', 'merge', 'skip']

/** Who a contact would merge into: a person in the journal, or the contact at this index earlier in the file. */
export type MergeTarget = { personId: string } | { item: number }

export interface ImportItem {
  candidate: ContactCandidate
  action: ImportAction
  target?: MergeTarget
  /** Same email, another name: suggested as "add", with merging offered. */
  possibleDuplicate: boolean
  /** Why, in words for the person importing: "New person.", "Same email as …". */
  reason: string
}

export interface ImportPlan {
  items: ImportItem[]
}

export interface ImportResult {
  added: number
  merged: number
  skipped: number
  names: { added: string[]; merged: string[]; skipped: string[] }
}

/** The person's choice per item (by index in plan.items), overriding the planned action. */
export type ImportDecisions = Record<number, ImportAction>

const MAX_TAGS = 30
const MAX_OTHERS = 50
const MAX_DATES = 30

const knownPerson = (person: Person) => ({
  item: { personId: person.id } as MergeTarget,
  name: person.name,
  nameFrom: 'name' as const,
  company: person.company,
  emails: [person.email, ...person.otherEmails],
  key: nameKey(person.name, person.company)
})
const knownCandidate = (candidate: ContactCandidate) => ({
  name: candidate.name,
  nameFrom: candidate.nameFrom,
  company: candidate.company,
  emails: [candidate.email, ...candidate.otherEmails],
  key: nameKey(candidate.name, candidate.company)
})

/**
 * For each candidate: "merge" when it is someone in the journal or a contact earlier in the file (the
 * journal first), "add" otherwise; a match by email under another name is a possible duplicate.
 */
export function planImport(journal: Journal, candidates: readonly ContactCandidate[]): ImportPlan {
  const people = new ContactIndex<MergeTarget>()
  for (const person of journal.people) people.add(knownPerson(person))
  const names = new Map(journal.people.map((person) => [person.id, person]))
  const earlier = new ContactIndex<MergeTarget>()
  const items = candidates.map((candidate, index): ImportItem => {
    const contact = knownCandidate(candidate)
    const inJournal = people.find(contact)
    const inFile = earlier.find(contact)
    earlier.add({ ...contact, item: { item: index } })
    const match = [inJournal, inFile].find((m) => m && !m.doubtful) ?? inJournal ?? inFile
    if (!match) return { candidate, action: 'add', possibleDuplicate: false, reason: 'New person.' }
    const target = match.item
    const person = 'personId' in target ? names.get(target.personId)! : null
    const earlierOne = 'item' in target ? candidates[target.item]! : null
    const who = person
      ? `${person.name}${person.archived ? ' (archived)' : ''} is already in the journal with`
      : `Line ${earlierOne!.line} earlier in this file (${earlierOne!.name}) has`
    const company = person ? person.company : earlierOne!.company
    return {
      candidate,
      action: match.doubtful ? 'add' : 'merge',
      target,
      possibleDuplicate: match.doubtful,
      reason: describeMatch(who, match, company)
    }
  })
  return { items: items.map(sayUnreadDates) }
}

/** A date on the card that is not a date (“circa 1960”) is left out, and the preview says so. */
function sayUnreadDates(item: ImportItem): ImportItem {
  const { unread } = contactDates(item.candidate)
  if (item.action === 'skip' || unread.length === 0) return item
  return { ...item, reason: `${item.reason} Rapport cannot read ${unread.join(' or ')} as a date, so it is left out.` }
}

function describeMatch(who: string, match: Match<MergeTarget>, company: string): string {
  if (match.doubtful)
    return `${who} the same email (${match.email}) under another name. Merge them if they are one person.`
  if (match.by === 'email') return `${who} the same email (${match.email}).`
  return `${who} ${company ? `the same name and company (${company})` : 'the same name and no company'}.`
}

/**
 * Adds and merges everything the plan (with the person's decisions) says, as one change to the journal:
 * one durable write, or nothing at all if any part is refused. A plan that only skips writes nothing.
 * Merging fills empty fields and adds missing emails, phones and tags; it never overwrites what is there.
 */
export async function applyImport(
  store: JournalStore,
  plan: ImportPlan,
  now: Date,
  decisions: ImportDecisions = {}
): Promise<ImportResult> {
  const actions = plan.items.map((item, index) => decisions[index] ?? item.action)
  for (const [key, action] of Object.entries(decisions)) {
    const item = plan.items[Number(key)]
    if (!item) throw new RapportError('invalid-input', `There is no contact number ${key} in this import.`)
    if (!IMPORT_ACTIONS.includes(action))
      throw new RapportError(
        'invalid-input',
        `“${action}” is not something an import can do; choose add, merge or skip.`
      )
    if (action === 'merge' && !item.target)
      throw new ImportProblem(
        item.candidate.line,
        `${item.candidate.name} matches no one in the journal, so there is nothing to merge into.`
      )
  }
  const result: ImportResult = { added: 0, merged: 0, skipped: 0, names: { added: [], merged: [], skipped: [] } }
  const count = (kind: 'added' | 'merged' | 'skipped', name: string) => {
    result[kind]++
    result.names[kind].push(name)
  }
  if (!actions.some((action) => action !== 'skip')) {
    for (const item of plan.items) count('skipped', item.candidate.name)
    return result
  }
  const stamp = now.toISOString()
  return store.change((journal) => {
    const people = [...journal.people]
    // The person each item became, so a later contact of the same file can merge into it.
    const became: Array<string | null> = []
    plan.items.forEach((item, index) => {
      const { candidate } = item
      const action = actions[index]!
      const target = item.target && 'item' in item.target ? became[item.target.item] : item.target?.personId
      if (action === 'skip') {
        became.push(null)
        count('skipped', candidate.name)
        return
      }
      // Merging into a contact of the file that was skipped: this one is added instead.
      if (action === 'add' || target === null) {
        const person = newPerson(candidate, stamp)
        people.push(person)
        became.push(person.id)
        count('added', candidate.name)
        return
      }
      const at = people.findIndex((person) => person.id === target)
      if (at === -1)
        throw new ImportProblem(
          candidate.line,
          `the person ${candidate.name} was to be merged into is no longer in the journal. Check the import again.`
        )
      people[at] = merged(people[at]!, candidate, stamp)
      became.push(people[at].id)
      count('merged', people[at].name)
    })
    return { next: { ...journal, people }, result }
  })
}

function newPerson(candidate: ContactCandidate, stamp: string): Person {
  const { name, company, role, email, phone, otherEmails, otherPhones, location, note, tags } = candidate
  return {
    id: randomUUID(),
    ...defaultProfile(),
    name,
    company,
    role,
    email,
    phone,
    otherEmails: [...otherEmails],
    otherPhones: [...otherPhones],
    location,
    howWeMet: note,
    tags: [...tags],
    importantDates: contactDates(candidate).dates,
    createdAt: stamp,
    updatedAt: stamp
  }
}

/** Fills only the fields that are empty and adds what is missing; the name is never changed. */
function merged(person: Person, candidate: ContactCandidate, stamp: string): Person {
  const filled = { ...person }
  const fill = (field: 'company' | 'role' | 'email' | 'phone' | 'location' | 'howWeMet', value: string) => {
    if (filled[field].trim() === '' && value.trim() !== '') filled[field] = value
  }
  fill('company', candidate.company)
  fill('role', candidate.role)
  fill('email', candidate.email)
  fill('phone', candidate.phone)
  fill('location', candidate.location)
  fill('howWeMet', candidate.note)
  filled.otherEmails = addEmails(person.otherEmails, [candidate.email, ...candidate.otherEmails], [filled.email])
  filled.otherPhones = addPhones(person.otherPhones, [candidate.phone, ...candidate.otherPhones], [filled.phone])
  const known = new Set(person.tags.map((tag) => tag.toLowerCase()))
  filled.tags = [...person.tags, ...candidate.tags.filter((tag) => !known.has(tag.toLowerCase()))]
  const tooMany = (count: number, max: number, what: string) => {
    if (count > max)
      throw new ImportProblem(
        candidate.line,
        `${person.name} would have ${count} ${what} after this import; a person has at most ${max}.`
      )
  }
  // A date is added when the person has none with that label yet ("Birthday" is never there twice).
  const labels = new Set(person.importantDates.map((d) => d.label.toLowerCase()))
  filled.importantDates = [
    ...person.importantDates,
    ...contactDates(candidate).dates.filter((d) => !labels.has(d.label.toLowerCase()))
  ]
  tooMany(filled.tags.length, MAX_TAGS, 'tags')
  tooMany(filled.importantDates.length, MAX_DATES, 'important dates')
  tooMany(filled.otherEmails.length, MAX_OTHERS, 'other emails')
  tooMany(filled.otherPhones.length, MAX_OTHERS, 'other phones')
  const changed = JSON.stringify(filled) !== JSON.stringify(person)
  return changed ? { ...filled, updatedAt: stamp } : person
}
