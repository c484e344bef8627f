/**
 * Saves as a seller makes them, end to end through the handlers (validation, the change's check, the
 * change-log append and its fsync, the search index's update): a conversation with two follow-ups, then an
 * edit of a profile field, alternately. And a compaction of the log they leave. The longest main-thread
 * task is read from Node's event-loop delay monitor: a timer due every millisecond is late by as long as
 * the longest stretch of work that kept the loop from it.
 */
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Handlers } from '../src/core/api/handlers.ts'
import type { JournalSession } from '../src/core/journal/journal-session.ts'
import { writeFileDurable } from '../src/core/journal/durable-write.ts'
import { serializeJournal } from '../src/core/journal/journal-file.ts'
import type { Journal } from '../src/shared/schema/journal.ts'
import { percentile, round, timeAsync } from './measure.ts'

/**
 * The design the change log replaced, in the same run for a side-by-side figure: every save serialised the
 * whole journal and rewrote the file durably (temp file, fsync, rename, folder fsync).
 */
export async function measureRewrites(
  journal: Journal,
  dir: string,
  count: number
): Promise<{ rewriteMedianMs: number; rewriteP95Ms: number }> {
  const samples: number[] = []
  for (let i = 0; i < count; i++)
    samples.push((await timeAsync(() => writeFileDurable(join(dir, 'rewrite.json'), serializeJournal(journal)))).ms)
  return { rewriteMedianMs: round(percentile(samples, 50)), rewriteP95Ms: round(percentile(samples, 95)) }
}

export interface SaveFigures {
  saveMedianMs: number
  saveP95Ms: number
  saveMainThreadMaxMs: number
  compactMs: number
  compactMainThreadMaxMs: number
  /** Saving the search index for the new position, which follows each compaction (a separate task). */
  indexResaveMainThreadMs: number
}

const SAVES = 200

/** Runs `work` while watching the event loop; returns its result and the longest delay seen, in ms. */
async function watched<T>(work: () => Promise<T>): Promise<{ value: T; maxMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const value = await work()
  delay.disable()
  return { value, maxMs: delay.max / 1e6 }
}

export async function measureSaves(session: JournalSession, api: Handlers, now: Date): Promise<SaveFigures> {
  const store = session.store()
  const people = store.journal.people
  const day = now.toISOString().slice(0, 10)
  const samples: number[] = []
  const saves = await watched(async () => {
    for (let i = 0; i < SAVES; i++) {
      const person = people[(i * 7) % people.length]!
      const save: () => Promise<unknown> =
        i % 2 === 0
          ? () =>
              api.logConversation({
                conversation: {
                  personIds: [person.id],
                  date: now.toISOString(),
                  channel: 'call',
                  title: `Check-in ${i}`,
                  body: 'Talked through the rollout plan and the pricing for next quarter.'
                },
                followUps: [
                  { personId: person.id, title: 'Send the revised quote', dueDate: day, direction: 'i-owe' },
                  { personId: person.id, title: 'Share usage numbers', dueDate: day, direction: 'they-owe' }
                ]
              })
          : () => api.updatePerson({ id: person.id, patch: { role: `${person.role} (${i})` } })
      samples.push((await timeAsync(save)).ms)
    }
  })
  const compaction = await watched(() => timeAsync(() => store.compact()))
  const resave = await watched(() => session.flush())
  return {
    saveMedianMs: round(percentile(samples, 50), 2),
    saveP95Ms: round(percentile(samples, 95), 2),
    saveMainThreadMaxMs: round(saves.maxMs, 1),
    compactMs: round(compaction.value.ms),
    compactMainThreadMaxMs: round(compaction.maxMs, 1),
    indexResaveMainThreadMs: round(resave.maxMs, 1)
  }
}
