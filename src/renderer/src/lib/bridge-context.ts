import { getContext, setContext } from 'svelte'
import type { RapportBridge } from '../../../shared/api.ts'

const key = Symbol('rapport-bridge')

/** The bridge is handed down by context so views (and their tests) never reach for `window`. */
export function bridgeContext(bridge: RapportBridge): Map<symbol, RapportBridge> {
  return new Map([[key, bridge]])
}

export function setBridge(bridge: RapportBridge): void {
  setContext(key, bridge)
}

export function getBridge(): RapportBridge {
  const bridge = getContext<RapportBridge | undefined>(key)
  if (!bridge) throw new Error('bridge-context: no bridge was provided to this component tree')
  return bridge
}
