/**
 * A seller's journal for the export-to-a-vault tests, written through the real handlers: accented and non-Latin
 * names, tags with spaces, notes with headings of every level (ATX and Setext), checklists, a code block, and
 * people met together. Dates are relative to `now`.
 */
import type { Handlers } from '../../src/core/api/handlers.ts'
import { dayOffset, timeOffset } from './seed-journal.ts'

const day = dayOffset
const at = timeOffset

export const DISCOVERY_NOTE = [
  '# Discovery call',
  '',
  'Context: three warehouses, one ERP.',
  '',
  '## Pain',
  '',
  '- [ ] check whether SAP is on-prem',
  '- [x] confirmed budget owner',
  '  - [ ] nested: ask about Q3 freeze',
  '1. [ ] numbered checkbox',
  '> - [ ] quoted checkbox',
  '',
  'Next steps',
  '----------',
  '',
  '```sh',
  '# not a heading',
  '- [ ] not a task either',
  '```',
  '',
  '### Budget',
  '',
  'Around €120k, signed by the CFO. #budget'
].join('\n')

export interface VaultIds {
  ana: string
  jose: string
  zoe: string
  chen: string
  lukasz: string
}

export async function seedVaultJournal(api: Handlers, now: Date): Promise<VaultIds> {
  await api.updateMe({ me: { name: 'Sam Rivera' } })
  const ana = await api.createPerson({
    person: {
      name: 'Ana García',
      company: 'Acme Logistics',
      role: 'CFO',
      tags: ['champion', 'Q1 renewal', 'EMEA / Iberia'],
      cadenceDays: 14
    }
  })
  const jose = await api.createPerson({
    person: { name: 'José Ñúñez', company: 'Transportes Ñúñez', role: 'Owner', tags: ['2026', 'family business'] }
  })
  const zoe = await api.createPerson({
    person: { name: 'Zoë O’Connor [Ops] #1', company: 'Globex', role: 'VP Operations', cadenceDays: 30 }
  })
  const chen = await api.createPerson({ person: { name: '陈静', company: '上海物流', role: '采购经理' } })
  const lukasz = await api.createPerson({
    person: { name: 'Łukasz Wiśniewski', company: 'Initech', role: 'IT Director' }
  })

  await api.logConversation({
    conversation: {
      personIds: [ana.id, zoe.id],
      date: at(now, -30),
      channel: 'meeting',
      title: 'Discovery call at Acme',
      body: DISCOVERY_NOTE
    },
    followUps: [
      { personId: ana.id, title: 'Send the ROI model 📅 by Friday', dueDate: day(now, 3), direction: 'i-owe' }
    ]
  })
  await api.logConversation({
    conversation: {
      personIds: [ana.id],
      date: at(now, -2, 16),
      channel: 'call',
      title: 'Pricing: annual vs multi-year',
      body: 'She wants **two options**.\n\nTitle\n=====\n\n- [ ] draft both'
    },
    followUps: [{ personId: ana.id, title: 'Share carrier volumes', dueDate: day(now, -1), direction: 'they-owe' }]
  })
  await api.logConversation({
    conversation: {
      personIds: [jose.id],
      date: at(now, -10),
      channel: 'email',
      title: 'Intro from Ana',
      body: '## Who he is\n\nRuns the family fleet.'
    },
    followUps: []
  })
  await api.addFollowUp({
    followUp: {
      personId: chen.id,
      title: 'Send the Mandarin deck',
      dueDate: day(now, 7),
      direction: 'i-owe',
      conversationId: null
    }
  })
  return { ana: ana.id, jose: jose.id, zoe: zoe.id, chen: chen.id, lukasz: lukasz.id }
}
