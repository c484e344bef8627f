/** Builds a realistic, valid journal of a given size, the same every run for the same seed. */
import { CHANNELS } from '../src/shared/choices.ts'
import type { Journal } from '../src/shared/schema/journal.ts'
import { emptyJournal } from '../src/shared/schema/journal.ts'
import { defaultProfile } from '../src/shared/schema/person.ts'
import { COMPANY_SUFFIX, FAMILY, GIVEN, INTERESTS, ROLES } from './names.ts'
import { Random } from './random.ts'
import { ZipfWords } from './vocabulary.ts'

export interface Size {
  people: number
  entries: number
}

export const SIZES: Record<'S' | 'M' | 'L', Size> = {
  S: { people: 300, entries: 3_000 },
  M: { people: 2_000, entries: 20_000 },
  L: { people: 10_000, entries: 100_000 }
}

const DAY = 86_400_000

/** The benchmark's "today": journals are generated up to it, and every launch and query runs on it. */
export const BENCH_NOW = new Date(2026, 10, 23, 10)

export function generateJournal(size: Size, now: Date, seed = 42): { journal: Journal; vocabulary: ZipfWords } {
  const random = new Random(seed)
  const vocabulary = new ZipfWords(random)
  const stamp = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString()
  const day = (daysAgo: number) => stamp(daysAgo).slice(0, 10)
  const companies = Array.from({ length: Math.max(20, size.people / 5) }, () => {
    const word = vocabulary.words[random.int(200, 8000)]!
    return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${random.pick(COMPANY_SUFFIX)}`
  })

  const journal: Journal = { ...emptyJournal(), me: { name: 'Sam Rivera' } }
  for (let i = 0; i < size.people; i++) {
    const created = stamp(random.int(30, 1500))
    journal.people.push({
      ...defaultProfile(),
      id: random.id(),
      name: `${random.pick(GIVEN)} ${random.pick(FAMILY)}`,
      company: random.pick(companies),
      role: random.pick(ROLES),
      tags: random.next() < 0.3 ? [random.pick(['champion', 'renewal', 'prospect', 'partner'])] : [],
      drives: random.next() < 0.5 ? vocabulary.sentence(random, random.int(5, 20)) : '',
      lifeOutsideWork: random.next() < 0.5 ? vocabulary.sentence(random, random.int(5, 25)) : '',
      cadenceDays: random.next() < 0.4 ? random.pick([7, 14, 30, 60, 90]) : null,
      createdAt: created,
      updatedAt: created
    })
    for (let k = random.int(0, 3); k > 0; k--) {
      journal.interests.push({
        id: random.id(),
        ownerId: journal.people[i]!.id,
        label: random.pick(INTERESTS),
        category: 'hobby',
        note: '',
        createdAt: created
      })
    }
    if (random.next() < 0.3) {
      journal.challenges.push({
        id: random.id(),
        personId: journal.people[i]!.id,
        title: vocabulary.sentence(random, random.int(3, 8)),
        detail: vocabulary.sentence(random, random.int(10, 40)),
        status: 'open',
        openedOn: day(random.int(1, 400)),
        closedOn: '',
        createdAt: created,
        updatedAt: created
      })
    }
  }
  for (let i = 0; i < size.entries; i++) {
    const people = Array.from(
      { length: random.next() < 0.15 ? random.int(2, 3) : 1 },
      () => random.pick(journal.people).id
    )
    const when = stamp(random.int(0, 1100) + random.next())
    const conversation = {
      id: random.id(),
      personIds: [...new Set(people)],
      date: when,
      channel: random.pick(CHANNELS),
      title: vocabulary.sentence(random, random.int(2, 7)),
      body: vocabulary.body(random, random.int(30, 600)),
      createdAt: when,
      updatedAt: when
    }
    journal.conversations.push(conversation)
    if (random.next() < 0.25) {
      const due = random.int(-30, 400)
      journal.followUps.push({
        id: random.id(),
        personId: conversation.personIds[0]!,
        title: vocabulary.sentence(random, random.int(3, 7)),
        dueDate: day(due),
        direction: random.next() < 0.6 ? 'i-owe' : 'they-owe',
        conversationId: conversation.id,
        completedOn: due > 14 ? day(due - random.int(-5, 5)) : null,
        createdAt: when,
        updatedAt: when
      })
    }
  }
  return { journal, vocabulary }
}
