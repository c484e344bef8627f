import { getContext, setContext } from 'svelte'
import type { RapportBridge } from '../../../shared/api.ts'
import type { RapportEvents } from '../../../shared/app-commands.ts'
import { Changes } from '../state/changes.svelte.ts'
import { Nav } from '../state/nav.svelte.ts'
import { Preferences } from '../state/preferences.svelte.ts'

const bridgeKey = Symbol('rapport-bridge')
const eventsKey = Symbol('rapport-events')
const changesKey = Symbol('rapport-changes')
const navKey = Symbol('rapport-nav')
const preferencesKey = Symbol('rapport-preferences')

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
export function provideAppState(bridge: RapportBridge): { changes: Changes; nav: Nav; preferences: Preferences } {
  const changes = new Changes(bridge)
  const nav = new Nav()
  const preferences = new Preferences(bridge)
  setContext(changesKey, changes)
  setContext(navKey, nav)
  setContext(preferencesKey, preferences)
  return { changes, nav, preferences }
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
