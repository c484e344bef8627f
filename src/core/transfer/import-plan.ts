/**
 * Deciding what an import does before it does it, then doing it in one durable change. A contact that
 * is already in the journal is merged by default, never silently added twice.
 *
 * A card's NOTE (or a CSV "Notes" column) becomes the person's "How we met": it is the one About field
 * for free context, and contact-app notes are usually exactly that ("Met at Web Summit 2025"). Its BDAY and
 * ANNIVERSARY become important dates (contact-dates.ts), here where the contact becomes a person.
 */
import { randomUUID } from 'node:crypto'
import { foldKey } from '../../shared/fold-key.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import { defaultProfile } from '../../shared/schema/person.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { ContactCandidate } from './contact-candidate.ts'
import { contactDates } from './contact-dates.ts'
import { ImportProblem } from './import-problem.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { RapportError } from '../rapport-error.ts'

export type ImportAction = 'add' | 'merge' | 'skip'
export const IMPORT_ACTIONS: readonly ImportAction[] = ['add', 'merge', 'skip']

export interface ImportItem {
  candidate: ContactCandidate
  action: ImportAction
  /** The person already in the journal this candidate matches. */
  matchId?: string
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
const MAX_DATES = 30

const emailKey = (email: string) => email.trim().toLowerCase()
const nameKey = (name: string, company: string) => `${foldKey(name)}\u0000${foldKey(company)}`

interface Match<T> {
  item: T
  by: 'email' | 'name'
}

/** Finds an earlier entry by email first, then by name and company (both empty companies count as the same). */
class Index<T> {
  #byEmail = new Map<string, T>()
  #byName = new Map<string, T>()

  add(item: T, email: string, name: string, company: string): void {
    const key = emailKey(email)
    if (key && !this.#byEmail.has(key)) this.#byEmail.set(key, item)
    const names = nameKey(name, company)
    if (!this.#byName.has(names)) this.#byName.set(names, item)
  }

  find(candidate: ContactCandidate): Match<T> | undefined {
    const byEmail = emailKey(candidate.email) ? this.#byEmail.get(emailKey(candidate.email)) : undefined
    if (byEmail) return { item: byEmail, by: 'email' }
    const byName = this.#byName.get(nameKey(candidate.name, candidate.company))
    return byName ? { item: byName, by: 'name' } : undefined
  }
}

/**
 * For each candidate: "skip" when an earlier one in the same file is the same contact, "merge" when it
 * matches someone in the journal (same email, or same name and company), and "add" otherwise.
 */
export function planImport(journal: Journal, candidates: readonly ContactCandidate[]): ImportPlan {
  const people = new Index<Person>()
  for (const person of journal.people) people.add(person, person.email, person.name, person.company)
  const earlier = new Index<ContactCandidate>()
  const items = candidates.map((candidate): ImportItem => {
    const twin = earlier.find(candidate)
    const existing = people.find(candidate)
    earlier.add(candidate, candidate.email, candidate.name, candidate.company)
    if (twin) {
      const same = twin.by === 'email' ? `the same email (${candidate.email.trim()})` : 'the same name and company'
      return {
        candidate,
        action: 'skip',
        reason: `Line ${twin.item.line} earlier in this file (${twin.item.name}) has ${same}.`
      }
    }
    if (existing) {
      const person = existing.item
      const archived = person.archived ? ' (archived)' : ''
      const same =
        existing.by === 'email'
          ? `the same email (${person.email})`
          : person.company
            ? `the same name and company (${person.company})`
            : 'the same name and no company'
      return {
        candidate,
        action: 'merge',
        matchId: person.id,
        reason: `${person.name}${archived} is already in the journal with ${same}.`
      }
    }
    return { candidate, action: 'add', reason: 'New person.' }
  })
  return { items: items.map(sayUnreadDates) }
}

/** A date on the card that is not a date (“circa 1960”) is left out, and the preview says so. */
function sayUnreadDates(item: ImportItem): ImportItem {
  const { unread } = contactDates(item.candidate)
  if (item.action === 'skip' || unread.length === 0) return item
  return { ...item, reason: `${item.reason} Rapport cannot read ${unread.join(' or ')} as a date, so it is left out.` }
}

/**
 * Adds and merges everything the plan (with the person's decisions) says, as one change to the journal:
 * one durable write, or nothing at all if any part is refused. A plan that only skips writes nothing.
 * Merging fills empty fields and adds missing tags; it never overwrites what is already there.
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
    if (action === 'merge' && !item.matchId)
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
    plan.items.forEach((item, index) => {
      const { candidate } = item
      const action = actions[index]!
      if (action === 'skip') {
        count('skipped', candidate.name)
        return
      }
      if (action === 'add') {
        people.push(newPerson(candidate, stamp))
        count('added', candidate.name)
        return
      }
      const at = people.findIndex((person) => person.id === item.matchId)
      if (at === -1)
        throw new ImportProblem(
          candidate.line,
          `the person ${candidate.name} was to be merged into is no longer in the journal. Check the import again.`
        )
      people[at] = merged(people[at]!, candidate, stamp)
      count('merged', people[at].name)
    })
    return { next: { ...journal, people }, result }
  })
}

function newPerson(candidate: ContactCandidate, stamp: string): Person {
  const { name, company, role, email, phone, location, note, tags } = candidate
  return {
    id: randomUUID(),
    ...defaultProfile(),
    name,
    company,
    role,
    email,
    phone,
    location,
    howWeMet: note,
    tags: [...tags],
    importantDates: contactDates(candidate).dates,
    createdAt: stamp,
    updatedAt: stamp
  }
}

/** Fills only the fields that are empty and adds the tags that are missing; the name is never changed. */
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
  const known = new Set(person.tags.map((tag) => tag.toLowerCase()))
  const extra = candidate.tags.filter((tag) => !known.has(tag.toLowerCase()))
  if (person.tags.length + extra.length > MAX_TAGS) {
    throw new ImportProblem(
      candidate.line,
      `${person.name} would have ${person.tags.length + extra.length} tags after this import; a person has at most ${MAX_TAGS}.`
    )
  }
  filled.tags = [...person.tags, ...extra]
  // A date is added when the person has none with that label yet ("Birthday" is never there twice).
  const labels = new Set(person.importantDates.map((d) => d.label.toLowerCase()))
  const dates = contactDates(candidate).dates.filter((d) => !labels.has(d.label.toLowerCase()))
  if (person.importantDates.length + dates.length > MAX_DATES) {
    throw new ImportProblem(
      candidate.line,
      `${person.name} would have ${person.importantDates.length + dates.length} important dates after this import; a person has at most ${MAX_DATES}.`
    )
  }
  filled.importantDates = [...person.importantDates, ...dates]
  const changed = JSON.stringify(filled) !== JSON.stringify(person)
  return changed ? { ...filled, updatedAt: stamp } : person
}
