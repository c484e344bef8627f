/**
 * The calendar's figures: reading a 5,000-event export the way the app does on launch and after the file
 * changes (stat, read, scan every line, ical.js on the events Today can show, expand repeating ones), against
 * the target of 300 ms; then the weeks ahead, found when a brief first asks for the next meeting; and, for
 * comparison, ical.js reading every event of the file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { CalendarSource } from '../src/core/calendar/calendar-source.ts'
import { NEXT_MEETING_DAYS } from '../src/shared/calendar.ts'
import { calendarText } from './calendar-file.ts'
import { percentile, round, time, timeAsync } from './measure.ts'

/** Mid-way through the generated calendar's 20 months, so the weeks ahead are full of meetings. */
const NOW = new Date(2025, 8, 1, 9)

export async function benchCalendar(events: number, runs: number): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-calendar-'))
  const file = join(dir, 'calendar.ics')
  const text = calendarText(events)
  await writeFile(file, text)
  try {
    const reads: number[] = []
    const cpu: number[] = []
    let meetings = 0
    let cold = 0
    let coldCpu = 0
    const ahead: number[] = []
    for (let i = 0; i < runs + 1; i++) {
      const source = new CalendarSource({ now: () => NOW })
      const used = process.cpuUsage()
      const run = await timeAsync(() => source.use([file]))
      const { user, system } = process.cpuUsage(used)
      if (source.status()[0]?.problem) throw new Error(`bench: ${source.status()[0]!.problem}`)
      meetings = source.occurrences().length
      // The first brief or person page after a read finds the weeks ahead (the next meeting with someone).
      const weeks = time(() => source.occurrences(NEXT_MEETING_DAYS))
      if (i > 0) ahead.push(weeks.ms)
      // The first read also compiles ical.js and the scan (a launch's read); the others are re-reads.
      if (i === 0) [cold, coldCpu] = [run.ms, (user + system) / 1000]
      else reads.push(run.ms)
      // CPU time (this process, GC threads included) tells the work apart from waiting on a busy machine.
      if (i > 0) cpu.push((user + system) / 1000)
    }
    const whole = time(() => new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent').length)
    return {
      events,
      fileMB: round(Buffer.byteLength(text) / 1024 / 1024, 2),
      occurrencesToday: meetings,
      readColdMs: round(cold),
      readMedianMs: round(percentile(reads, 50)),
      readBestMs: round(Math.min(...reads)),
      readWorstMs: round(Math.max(...reads)),
      readColdCpuMs: round(coldCpu),
      readCpuMedianMs: round(percentile(cpu, 50)),
      weeksAheadMedianMs: round(percentile(ahead, 50)),
      icalParseWholeFileMs: round(whole.ms)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
