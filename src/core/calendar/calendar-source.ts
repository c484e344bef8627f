/**
 * The user's calendar files, read and kept current: each is read when it is added, on launch, on Reload and
 * (when watching) soon after it changes on disk. A file that cannot be read keeps what it held when last read
 * and says why, naming the line; nothing is ever fetched from the network. 'change' is emitted after every
 * read, so the app (and tests) can act on it.
 */
import { EventEmitter } from 'node:events'
import { watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { WEB_CALENDAR, webCalendarRefusal } from '../../shared/calendar.ts'
import type { CalendarFileStatus } from '../../shared/calendar.ts'
import { localDay } from '../days.ts'
import { describeFileKind, describeFsError } from '../fs-errors.ts'
import { RapportError } from '../rapport-error.ts'
import { IcsFeed } from './ics-feed.ts'
import { IcsProblem } from './ics-scan.ts'
import { occurrencesBetween } from './occurrences.ts'
import type { Occurrence } from './occurrences.ts'

export type FileOccurrence = Occurrence & { file: string }

interface Entry {
  status: CalendarFileStatus
  feed: IcsFeed | null
  /** Occurrences by the days they cover ("from/to"): Today's days, and the weeks ahead once asked for. */
  windows: Map<string, FileOccurrence[]>
  /** Reads of one file run one after another. */
  queue: Promise<void>
}

/** Today's window: yesterday (a meeting that ran past midnight) to the end of tomorrow. */
export const TODAY_DAYS = 1

export interface CalendarSourceOptions {
  now?: () => Date
  /** Re-read files when they change on disk (the app); the CLI and tests read on demand only. */
  watch?: boolean
  /** How long a file must be quiet after a change before it is read: editors write in several steps. */
  debounceMs?: number
}

/** Larger than any calendar a person keeps: refused rather than read into memory. */
const MAX_BYTES = 100 * 1024 * 1024

export class CalendarSource extends EventEmitter<{ change: [file: string] }> {
  readonly #entries = new Map<string, Entry>()
  readonly #watchers = new Map<string, FSWatcher>()
  readonly #timers = new Map<string, NodeJS.Timeout>()
  readonly #now: () => Date
  readonly #watch: boolean
  readonly #debounceMs: number

  constructor(options: CalendarSourceOptions = {}) {
    super()
    this.#now = options.now ?? (() => new Date())
    this.#watch = options.watch ?? false
    this.#debounceMs = options.debounceMs ?? 300
  }

  /** The files in use, as settings list them: new ones are read, dropped ones forgotten. */
  async use(files: readonly string[]): Promise<void> {
    for (const file of [...this.#entries.keys()]) if (!files.includes(file)) this.#entries.delete(file)
    const fresh = files.filter((file) => !this.#entries.has(file))
    for (const file of fresh) this.#entries.set(file, newEntry(file))
    this.#rewatch()
    await Promise.all(fresh.map((file) => this.#enqueue(file)))
  }

  /** Reads `file` for adding it: a problem is thrown (and nothing kept) rather than recorded. */
  async add(file: string): Promise<CalendarFileStatus> {
    const entry = newEntry(file)
    const problem = await this.#read(file, entry, file)
    if (problem) throw new RapportError('invalid-input', `${problem} The calendar was not added.`)
    this.#entries.set(file, entry)
    this.#rewatch()
    this.emit('change', file)
    return entry.status
  }

  /** How `file` reads now, without adding it; a problem names it by its full path. */
  async check(file: string): Promise<CalendarFileStatus> {
    const entry = newEntry(file)
    await this.#read(file, entry, file)
    return entry.status
  }

  /** Reads every file again now. */
  async reload(): Promise<CalendarFileStatus[]> {
    await Promise.all([...this.#entries.keys()].map((file) => this.#enqueue(file)))
    return this.status()
  }

  status(): CalendarFileStatus[] {
    return [...this.#entries.values()].map((entry) => entry.status)
  }

  /**
   * Every occurrence from yesterday to the end of `days` days ahead (Today's by default), each once (the same
   * event in two files counts once). A read finds Today's; further windows are found when first asked for.
   */
  occurrences(days = TODAY_DAYS): FileOccurrence[] {
    const seen = new Set<string>()
    const all: FileOccurrence[] = []
    for (const entry of this.#entries.values()) {
      for (const occurrence of this.#cover(entry, days)) {
        if (seen.has(occurrence.key)) continue
        seen.add(occurrence.key)
        all.push(occurrence)
      }
    }
    return all.sort((a, b) => a.start - b.start || a.title.localeCompare(b.title))
  }

  /** The addresses the files say are their owner's. */
  ownerEmails(): string[] {
    return [...new Set([...this.#entries.values()].flatMap((entry) => entry.feed?.ownerEmails ?? []))]
  }

  close(): void {
    for (const watcher of this.#watchers.values()) watcher.close()
    for (const timer of this.#timers.values()) clearTimeout(timer)
    this.#watchers.clear()
    this.#timers.clear()
  }

  #enqueue(file: string): Promise<void> {
    const entry = this.#entries.get(file)
    if (!entry) return Promise.resolve()
    entry.queue = entry.queue.then(async () => {
      await this.#read(file, entry)
      this.emit('change', file)
    })
    return entry.queue
  }

  /** Reads `file` into `entry`; a problem is kept in its status (named by `name`) and returned. */
  async #read(file: string, entry: Entry, name = basename(file)): Promise<string> {
    const now = this.#now()
    try {
      if (WEB_CALENDAR.test(file)) throw new IcsProblem(0, webCalendarRefusal(file))
      // A pipe or a device would be waited on forever: only a file is read (as the importer does).
      const info = await stat(file)
      if (!info.isFile()) throw new IcsProblem(0, `it is ${describeFileKind(info)}, not a calendar file`)
      if (info.size > MAX_BYTES) throw new IcsProblem(0, 'the file is larger than any calendar (100 MB)')
      const text = await readFile(file, 'utf8')
      const { key, fromDay, toDay, from, to } = windowOf(now, TODAY_DAYS)
      const feed = IcsFeed.read(text, fromDay, toDay)
      const occurrences = occurrencesBetween(feed.eventsBetween(fromDay, toDay), from, to)
      entry.feed = feed
      entry.windows = new Map([[key, occurrences.map((o) => ({ ...o, file }))]])
      entry.status = { file, events: feed.count, readAt: now.toISOString(), problem: '' }
      return ''
    } catch (error) {
      entry.status = { ...entry.status, problem: problemOf(name, error) }
      return problemOf(name, error)
    }
  }

  /** A window's occurrences, found from what was read the first time it is asked for (a new day, say). */
  #cover(entry: Entry, days: number): FileOccurrence[] {
    const { key, fromDay, toDay, from, to } = windowOf(this.#now(), days)
    const known = entry.windows.get(key)
    if (known || !entry.feed) return known ?? []
    let found: FileOccurrence[] = []
    try {
      const occurrences = occurrencesBetween(entry.feed.eventsBetween(fromDay, toDay), from, to)
      found = occurrences.map((o) => ({ ...o, file: entry.status.file }))
    } catch (error) {
      entry.status = { ...entry.status, problem: problemOf(basename(entry.status.file), error) }
    }
    // Yesterday's windows are of no more use; today's two are kept.
    if (entry.windows.size >= 2) entry.windows.clear()
    entry.windows.set(key, found)
    return found
  }

  /** One watcher per folder: editors and sync tools replace a file rather than write it in place. */
  #rewatch(): void {
    if (!this.#watch) return
    const folders = new Set([...this.#entries.keys()].map((file) => dirname(file)))
    for (const [folder, watcher] of this.#watchers) {
      if (folders.has(folder)) continue
      watcher.close()
      this.#watchers.delete(folder)
    }
    for (const folder of folders) {
      if (this.#watchers.has(folder)) continue
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => this.#changed(folder, name))
        watcher.on('error', () => {
          watcher.close()
          this.#watchers.delete(folder)
        })
        this.#watchers.set(folder, watcher)
      } catch {
        // A folder that cannot be watched (gone, no permission) is read on launch and on Reload only.
      }
    }
  }

  #changed(folder: string, name: string | null): void {
    for (const file of this.#entries.keys()) {
      if (dirname(file) !== folder || (name !== null && basename(file) !== name)) continue
      clearTimeout(this.#timers.get(file))
      this.#timers.set(
        file,
        setTimeout(() => {
          this.#timers.delete(file)
          void this.#enqueue(file)
        }, this.#debounceMs)
      )
    }
  }
}

function newEntry(file: string): Entry {
  return {
    status: { file, events: 0, readAt: null, problem: '' },
    feed: null,
    windows: new Map(),
    queue: Promise.resolve()
  }
}

/** From yesterday (a meeting that ran past midnight) to the end of `days` days ahead, in local days. */
function windowOf(now: Date, days: number) {
  // Local midnights made from the calendar date, not ±24 h: a day around a clock change is not 24 h long.
  const midnight = (offset: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset)
  const from = midnight(-1)
  const to = midnight(days + 1)
  const fromDay = localDay(from)
  const toDay = localDay(midnight(days))
  return { key: `${fromDay}/${toDay}`, fromDay, toDay, from: from.getTime(), to: to.getTime() }
}

/** "google.ics, line 15: BEGIN:VEVENT is never ended…": the file (as `name` gives it), the line, what. */
function problemOf(name: string, error: unknown): string {
  const what = error instanceof IcsProblem ? error.message : describeFsError(error)
  const where = error instanceof IcsProblem && error.line > 0 ? `${name}, line ${error.line}` : name
  return `${where}: ${what}${/[.!?]$/.test(what) ? '' : '.'}`
}
