/** Everything the person page shows, gathered in one read so it reads like a brief. */
import type { Journal } from '../../shared/schema/journal.ts'
import type { PersonPage } from '../../shared/views.ts'
import { contactOf, lapseOf, promiseRecord } from './agenda.ts'
import { challengesOf } from '../entries/challenges.ts'
import { getById } from '../entries/collections.ts'
import { conversationsOf } from '../entries/conversations.ts'
import { localDay } from '../days.ts'
import { interestsOf } from '../entries/interests.ts'

export function personPage(journal: Journal, id: string, now: Date): PersonPage {
  const person = getById(journal.people, id, 'person')
  const today = localDay(now)
  const conversations = conversationsOf(journal, id)
  const contact = contactOf(conversations, today)
  const lapse = lapseOf(person, contact.lastContact, today)
  const theirs = journal.followUps.filter((f) => f.personId === id)
  const open = theirs.filter((f) => f.completedOn === null).sort((a, b) => a.dueDate.localeCompare(b.dueDate))
  const done = theirs.filter((f) => f.completedOn !== null).sort((a, b) => b.completedOn!.localeCompare(a.completedOn!))
  const names = new Map(journal.people.map((p) => [p.id, p.name]))
  return {
    person,
    contact,
    cadenceOverdueDays: lapse ? lapse.daysSince - lapse.cadenceDays : 0,
    myPromises: promiseRecord(theirs, 'i-owe', today),
    theirPromises: promiseRecord(theirs, 'they-owe', today),
    followUps: [...open, ...done],
    interests: interestsOf(journal, id),
    challenges: challengesOf(journal, id),
    otherValues: journal.values
      .filter((v) => v.personId === id && v.challengeId === null)
      .sort((a, b) => b.date.localeCompare(a.date)),
    conversations: conversations.map((c) => ({
      ...c,
      withNames: c.personIds.filter((p) => p !== id).map((p) => names.get(p) ?? '')
    }))
  }
}
