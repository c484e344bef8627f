import { getContext, setContext } from 'svelte'
import type { RapportBridge } from '../../../shared/api.ts'
import type { RapportEvents } from '../../../shared/app-commands.ts'
import { BriefPrefetch } from '../state/brief-prefetch.ts'
import { Changes } from '../state/changes.svelte.ts'
import { Nav } from '../state/nav.svelte.ts'
import { Preferences } from '../state/preferences.svelte.ts'
import type { JournalState } from '../state/journal.svelte.ts'

const bridgeKey = Symbol('rapport-bridge')
const eventsKey = Symbol('rapport-events')
const changesKey = Symbol('rapport-changes')
const navKey = Symbol('rapport-nav')
const preferencesKey = Symbol('rapport-preferences')
const journalKey = Symbol('rapport-journal')
const briefsKey = Symbol('rapport-briefs')

/** The bridge is handed down by context so views (and their tests) never reach for `window`. */
export function bridgeContext(bridge: RapportBridge, events?: RapportEvents): Map<symbol, unknown> {
  return new Map<symbol, unknown>([
    [bridgeKey, bridge],
    [eventsKey, events]
  ])
}

export function getBridge(): RapportBridge {
  const bridge = getContext<RapportBridge | undefined>(bridgeKey)
  if (!bridge) throw new Error('context: no bridge was provided to this component tree')
  return bridge
}

/** Commands from main (menus, shortcut, notifications); absent where there is no main process. */
export function getEvents(): RapportEvents | undefined {
  return getContext<RapportEvents | undefined>(eventsKey)
}

/** Called once by App: the app-wide change runner, navigation and preferences. */
export function provideAppState(bridge: RapportBridge): {
  changes: Changes
  nav: Nav
  preferences: Preferences
  briefs: BriefPrefetch
} {
  const changes = new Changes(bridge)
  const nav = new Nav()
  const preferences = new Preferences(bridge)
  setContext(changesKey, changes)
  setContext(navKey, nav)
  setContext(preferencesKey, preferences)
  const briefs = new BriefPrefetch(bridge, () => changes.revision)
  setContext(briefsKey, briefs)
  return { changes, nav, preferences, briefs }
}

/** Called once by App: whether the journal is open, locked or unreadable (Settings locks and protects it). */
export function provideJournal(journal: JournalState): void {
  setContext(journalKey, journal)
}

/** Absent in a view rendered on its own (a component test of one view). */
export function getJournal(): JournalState | undefined {
  return getContext<JournalState | undefined>(journalKey)
}

export function getChanges(): Changes {
  return getContext<Changes>(changesKey)
}

export function getNav(): Nav {
  return getContext<Nav>(navKey)
}

export function getPreferences(): Preferences {
  return getContext<Preferences>(preferencesKey)
}

/** Absent in a view or switcher rendered on its own (a component test): briefs then come straight from main. */
export function getBriefPrefetch(): BriefPrefetch | undefined {
  return getContext<BriefPrefetch | undefined>(briefsKey)
}
