/**
 * Locking a protected journal from the page: File ▸ Lock Journal, and after the idle minutes Settings names.
 * Main drops the key and the journal; here every view goes (the layout is keyed on the status), with the
 * switcher's results, the brief it asked for ahead and what Undo would bring back. Call once, while App is
 * being set up.
 */
import { lockWhenIdle } from '../lib/idle-lock.ts'
import type { BriefPrefetch } from './brief-prefetch.ts'
import type { Changes } from './changes.svelte.ts'
import type { JournalState } from './journal.svelte.ts'
import type { Preferences } from './preferences.svelte.ts'
import type { SwitcherState } from './switcher.svelte.ts'

interface LockParts {
  journal: JournalState
  changes: Changes
  switcher: SwitcherState
  preferences: Preferences
  briefs: BriefPrefetch
  /** Closes what App itself holds open (quick capture). */
  close: () => void
}

export function appLock({ journal, changes, switcher, preferences, briefs, close }: LockParts): () => void {
  // However the journal is locked (here, or Settings' Lock now), what the page holds of it goes.
  journal.onLock(() => {
    changes.forget()
    briefs.forget()
    switcher.hide()
    close()
  })
  const lock = () => {
    if (journal.status?.state !== 'ready' || !journal.status.protected) return
    void journal.lock()
  }
  const idleMinutes = $derived(preferences.settings?.lockAfterMinutes ?? 0)
  $effect(() => {
    if (journal.status?.state === 'ready' && journal.status.protected && idleMinutes > 0)
      return lockWhenIdle(idleMinutes, lock)
  })
  return lock
}
