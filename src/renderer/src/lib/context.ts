import { getContext, setContext } from 'svelte'
import type { RapportBridge } from '../../../shared/api.ts'
import { Changes } from '../state/changes.svelte.ts'
import { Nav } from '../state/nav.svelte.ts'

const bridgeKey = Symbol('rapport-bridge')
const changesKey = Symbol('rapport-changes')
const navKey = Symbol('rapport-nav')

/** The bridge is handed down by context so views (and their tests) never reach for `window`. */
export function bridgeContext(bridge: RapportBridge): Map<symbol, RapportBridge> {
  return new Map([[bridgeKey, bridge]])
}

export function getBridge(): RapportBridge {
  const bridge = getContext<RapportBridge | undefined>(bridgeKey)
  if (!bridge) throw new Error('context: no bridge was provided to this component tree')
  return bridge
}

/** Called once by App: the app-wide change runner and navigation. */
export function provideAppState(bridge: RapportBridge): { changes: Changes; nav: Nav } {
  const changes = new Changes(bridge)
  const nav = new Nav()
  setContext(changesKey, changes)
  setContext(navKey, nav)
  return { changes, nav }
}

export function getChanges(): Changes {
  return getContext<Changes>(changesKey)
}

export function getNav(): Nav {
  return getContext<Nav>(navKey)
}
