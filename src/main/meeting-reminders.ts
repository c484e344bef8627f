import { Notification } from 'electron'
import type { CalendarSettings, Meeting } from '../shared/calendar.ts'
import { alertText, nextAlert } from '../core/calendar/meeting-alert.ts'
import type { Clock } from './clock.ts'
import { OneAtATime } from '../core/journal/compaction-policy.ts'

interface MeetingHooks {
  /** Today's and tomorrow morning's meetings, as Today shows them. */
  meetings: () => Promise<Meeting[]>
  /** The reminder's settings now (off by default). */
  settings: () => CalendarSettings['notify']
  /** The notification was clicked: open the brief of these people. */
  openBrief: (personIds: string[]) => void
  clock: Clock
}

/** Even with nothing to remind of, the plan is made again this often: tomorrow's meetings come into view. */
const REPLAN_MS = 30 * 60_000

/**
 * A notification N minutes before each meeting with someone in the journal ("Call with Marta Nowak in 10
 * min — open the brief"), off unless the user turns it on. Planned again whenever the calendar, the
 * journal or the settings change; each meeting is announced once.
 */
export class MeetingReminders {
  readonly #hooks: MeetingHooks
  readonly #shown = new Set<string>()
  #timer: unknown = null
  // A burst of saves asks for many plans: one runs at a time, and those asked for meanwhile share the next.
  readonly #planner = new OneAtATime(() =>
    this.#plan().catch((error: unknown) => {
      console.error('rapport: meeting reminders:', (error as Error).message)
    })
  )

  constructor(hooks: MeetingHooks) {
    this.#hooks = hooks
  }

  /** Plans the next reminder from the meetings as they are now; resolves once planned. */
  plan(): Promise<void> {
    return this.#planner.run()
  }

  /** Resolves once the plan under way (a timer's, say) is made. */
  get planned(): Promise<void> {
    return this.#planner.settled()
  }

  async #plan(): Promise<void> {
    const { clock } = this.#hooks
    this.#clear()
    const notify = this.#hooks.settings()
    if (!notify.enabled) return
    const meetings = await this.#hooks.meetings()
    const alert = nextAlert(meetings, clock.now(), notify.minutes, this.#shown)
    const wait = alert ? Math.min(alert.at - clock.now().getTime(), REPLAN_MS) : REPLAN_MS
    if (alert && wait <= 0) {
      this.#show(alert.meeting)
      return this.#plan()
    }
    this.#timer = clock.setTimer(() => void this.plan(), wait)
  }

  #show(meeting: Meeting): void {
    this.#shown.add(meeting.key)
    if (!Notification.isSupported()) return
    const { title, body } = alertText(meeting, this.#hooks.clock.now())
    const notification = new Notification({ title, body, silent: false })
    const ids = meeting.people.map((p) => p.id)
    notification.on('click', () => this.#hooks.openBrief(ids))
    notification.show()
  }

  #clear(): void {
    if (this.#timer !== null) this.#hooks.clock.clearTimer(this.#timer)
    this.#timer = null
  }

  stop(): void {
    this.#clear()
  }
}
