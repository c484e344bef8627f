import { app, Notification } from 'electron'
import type { Journal } from '../shared/schema/journal.ts'
import type { Settings } from '../shared/settings.ts'
import { dueSummary, nextReminderAt, reminderText } from '../core/views/follow-up-reminder.ts'

/**
 * One notification a day at the chosen time about due and overdue follow-ups (clicking it opens Today),
 * and the dock/taskbar badge showing the overdue count where the platform has one.
 */
export class Reminders {
  #timer: NodeJS.Timeout | null = null
  #journal: () => Journal | null
  #openToday: () => void

  constructor(journal: () => Journal | null, openToday: () => void) {
    this.#journal = journal
    this.#openToday = openToday
  }

  schedule(settings: Settings): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    if (!settings.reminders.enabled) return
    const at = nextReminderAt(new Date(), settings.reminders.time)
    // Timers longer than ~24.8 days overflow; a day is the most this ever waits.
    this.#timer = setTimeout(() => {
      this.#notify()
      this.schedule(settings)
    }, at.getTime() - Date.now())
  }

  /** Keeps the badge equal to the number of overdue follow-ups. */
  updateBadge(): void {
    const journal = this.#journal()
    if (!journal) return
    app.setBadgeCount(dueSummary(journal, new Date()).overdue)
  }

  #notify(): void {
    const journal = this.#journal()
    if (!journal || !Notification.isSupported()) return
    const text = reminderText(dueSummary(journal, new Date()))
    if (!text) return
    const notification = new Notification({ title: text.title, body: text.body, silent: false })
    notification.on('click', this.#openToday)
    notification.show()
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer)
  }
}
