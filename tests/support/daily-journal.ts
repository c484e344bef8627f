/**
 * A journal for the daily-loop tests, written through the real handlers and dated relative to `now`: a
 * seller of industrial sensors with follow-ups spread over the coming week, a shared conversation, an
 * interest, a challenge with value brought, and people whose names test the edges (emoji, Arabic).
 */
import type { Handlers } from '../../src/core/api/handlers.ts'
import { dayOffset, timeOffset } from './seed-journal.ts'

export interface DailyIds {
  weiId: string
  tomaszId: string
  leilaId: string
  brunoId: string
  demoId: string
}

export async function seedDailyJournal(api: Handlers, now: Date): Promise<DailyIds> {
  const wei = await api.createPerson({
    person: {
      name: 'Wei Chen',
      company: 'Baltic Robotics',
      role: 'Plant Manager',
      email: 'wei.chen@baltic-robotics.example',
      phone: '+48 22 555 0134',
      tags: ['pilot', 'poland'],
      cadenceDays: 21
    }
  })
  const tomasz = await api.createPerson({
    person: { name: 'Tomasz Nowak', company: 'Baltic Robotics', role: 'Maintenance Lead', tags: ['pilot'] }
  })
  const leila = await api.createPerson({
    person: { name: 'ليلى حداد', company: 'Gulf Packaging', role: 'مديرة المشتريات', tags: ['gcc'] }
  })
  const bruno = await api.createPerson({
    person: { name: '🦊 Bruno Ferreira', company: 'Lusitania Foods', cadenceDays: 30 }
  })
  await api.logConversation({
    conversation: {
      personIds: [bruno.id],
      date: timeOffset(now, -40, 11),
      channel: 'event',
      title: 'Met at the SIAL food fair',
      body: 'Runs three canneries; curious about cold-chain monitoring.'
    },
    followUps: []
  })

  const demo = await api.logConversation({
    conversation: {
      personIds: [wei.id, tomasz.id],
      date: timeOffset(now, -3, 14),
      channel: 'meeting',
      title: 'Site visit: line 4 vibration sensors',
      body: 'Walked line 4 with Tomasz.\n\n- Bearings fail every ~6 weeks\n- Wants a 30-day pilot'
    },
    followUps: [
      { personId: wei.id, title: 'Send pilot proposal', dueDate: dayOffset(now, -1), direction: 'i-owe' },
      { personId: wei.id, title: 'Share downtime log', dueDate: dayOffset(now, 2), direction: 'they-owe' }
    ]
  })
  await api.addFollowUp({
    followUp: {
      personId: tomasz.id,
      title: 'Book a call about spare parts',
      dueDate: dayOffset(now, 0),
      direction: 'i-owe',
      conversationId: null
    }
  })
  await api.addFollowUp({
    followUp: {
      personId: leila.id,
      title: 'Confirm sample shipment',
      dueDate: dayOffset(now, 5),
      direction: 'they-owe',
      conversationId: null
    }
  })
  await api.addInterest({ interest: { ownerId: wei.id, label: 'Go (board game)', category: 'hobby', note: '' } })
  const challenge = await api.addChallenge({
    challenge: {
      personId: wei.id,
      title: 'Unplanned downtime on line 4',
      detail: 'Bearing failures stop the line twice a quarter.',
      status: 'open',
      openedOn: dayOffset(now, -20)
    }
  })
  await api.addValue({
    value: {
      personId: wei.id,
      challengeId: challenge.id,
      kind: 'article',
      title: 'Case study: predictive maintenance at a bottling plant',
      note: '',
      date: dayOffset(now, -10)
    }
  })
  return { weiId: wei.id, tomaszId: tomasz.id, leilaId: leila.id, brunoId: bruno.id, demoId: demo.conversation.id }
}
