/** A small, realistic seller's journal, written through the real handlers, dated relative to `now`. */
import type { Handlers } from '../../src/core/api/handlers.ts'

const dayOffset = (now: Date, days: number) => {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 12)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
const timeOffset = (now: Date, days: number, hour = 10) =>
  new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hour).toISOString()

export async function seedJournal(
  api: Handlers,
  now: Date
): Promise<{ anaId: string; kenjiId: string; priyaId: string }> {
  await api.updateMe({ me: { name: 'Sam Rivera' } })
  await api.addInterest({ interest: { ownerId: 'me', label: 'Real Madrid', category: 'sport', note: '' } })
  await api.addInterest({ interest: { ownerId: 'me', label: 'Trail running', category: 'hobby', note: '' } })

  const ana = await api.createPerson({
    person: {
      name: 'Ana García',
      company: 'Acme Logistics',
      role: 'CFO',
      email: 'ana.garcia@acme.example',
      location: 'Madrid',
      timeZone: 'Europe/Madrid',
      tags: ['champion', 'Q1 renewal'],
      howWeMet: 'Introduced by Kenji at the Logistics Summit 2025.',
      drives: 'Wants the finance team to close the month in three days instead of ten.',
      lifeOutsideWork: 'Two kids (Lucía, 8, and Mateo, 5). Season ticket at the Bernabéu. Bakes sourdough on Sundays.',
      boundaries: 'No calls before 9:30 — school run.',
      relationshipStyle: {
        kind: 'relationship',
        askedOn: dayOffset(now, -60),
        theirWords: 'I like partners who tell me when something will not work.'
      },
      cadenceDays: 14
    }
  })
  const kenji = await api.createPerson({
    person: {
      name: 'Kenji Watanabe',
      company: 'Northwind Freight',
      role: 'Head of Procurement',
      cadenceDays: 30,
      relationshipStyle: {
        kind: 'transactional',
        askedOn: dayOffset(now, -90),
        theirWords: 'Send me the numbers, keep it short.'
      }
    }
  })
  const priya = await api.createPerson({
    person: { name: 'Priya Natarajan', company: 'Globex', role: 'VP Operations', cadenceDays: 21 }
  })
  await api.createPerson({ person: { name: 'Tomás Oliveira', company: 'Initech', role: 'IT Director' } })

  await api.addInterest({
    interest: { ownerId: ana.id, label: 'Real Madrid', category: 'sport', note: 'Season ticket holder' }
  })
  await api.addInterest({ interest: { ownerId: ana.id, label: 'Sourdough', category: 'food', note: 'Sunday baking' } })
  await api.addInterest({
    interest: { ownerId: ana.id, label: 'Kids’ football', category: 'family', note: 'Coaches Mateo’s team' }
  })
  await api.addInterest({
    interest: { ownerId: priya.id, label: 'Trail running', category: 'hobby', note: 'Training for an ultra' }
  })

  const close = await api.addChallenge({
    challenge: {
      personId: ana.id,
      title: 'Month-end close takes ten days',
      detail: 'Three spreadsheets, manual reconciliation of carrier invoices.',
      status: 'open',
      openedOn: dayOffset(now, -45)
    }
  })
  await api.addValue({
    value: {
      personId: ana.id,
      challengeId: close.id,
      kind: 'introduction',
      title: 'Introduced her to Priya, who fixed the same problem at Globex',
      note: '',
      date: dayOffset(now, -20)
    }
  })
  await api.addChallenge({
    challenge: {
      personId: ana.id,
      title: 'Board wants carrier cost per shipment',
      detail: '',
      status: 'helped',
      openedOn: dayOffset(now, -80)
    }
  })

  await api.logConversation({
    conversation: {
      personIds: [ana.id],
      date: timeOffset(now, -40),
      channel: 'meeting',
      title: 'Discovery meeting at Acme HQ',
      body: 'Walked through the close process.\n\n- 3 spreadsheets, 2 people full time\n- **Pain**: carrier invoices arrive late'
    },
    followUps: []
  })
  await api.logConversation({
    conversation: {
      personIds: [ana.id, priya.id],
      date: timeOffset(now, -20),
      channel: 'call',
      title: 'Intro call: Ana meets Priya',
      body: 'Priya shared how Globex automated reconciliation. Ana asked for the playbook.'
    },
    followUps: [
      {
        personId: ana.id,
        title: 'Send Globex reconciliation playbook',
        dueDate: dayOffset(now, -15),
        direction: 'i-owe'
      }
    ]
  })
  await api.logConversation({
    conversation: {
      personIds: [ana.id],
      date: timeOffset(now, -1, 16),
      channel: 'call',
      title: 'Pricing for the Q1 renewal',
      body: 'She needs **two options**: annual and multi-year.\n\nMentioned Mateo’s team won on Saturday.'
    },
    followUps: [
      { personId: ana.id, title: 'Send two pricing options', dueDate: dayOffset(now, 0), direction: 'i-owe' },
      { personId: ana.id, title: 'Share carrier volumes for 2026', dueDate: dayOffset(now, 3), direction: 'they-owe' }
    ]
  })
  const playbook = (await api.getPersonPage({ id: ana.id })).followUps.find((f) => f.title.startsWith('Send Globex'))!
  await api.completeFollowUp({ id: playbook.id, on: dayOffset(now, -13) })
  await api.addFollowUp({
    followUp: {
      personId: kenji.id,
      title: 'Return the signed NDA',
      dueDate: dayOffset(now, -4),
      direction: 'they-owe',
      conversationId: null
    }
  })
  await api.addFollowUp({
    followUp: {
      personId: priya.id,
      title: 'Send trail race photos',
      dueDate: dayOffset(now, -2),
      direction: 'i-owe',
      conversationId: null
    }
  })
  await api.logConversation({
    conversation: {
      personIds: [kenji.id],
      date: timeOffset(now, -75),
      channel: 'email',
      title: 'Rate card for Q4',
      body: 'Sent the rate card.'
    },
    followUps: []
  })
  return { anaId: ana.id, kenjiId: kenji.id, priyaId: priya.id }
}
