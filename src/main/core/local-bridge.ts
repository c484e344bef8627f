/**
 * A RapportBridge that calls the handler table in this process, with each payload and result passed
 * through structuredClone as IPC would. Tests, the e2e server and the CLI use it; the app uses IPC.
 */
import { apiNames } from '../../shared/api.ts'
import type { RapportBridge } from '../../shared/api.ts'
import { dispatch } from './handlers.ts'
import type { Handlers } from './handlers.ts'

export function createLocalBridge(handlers: Handlers): RapportBridge {
  const entries = apiNames.map((name) => [
    name,
    async (input?: unknown) => structuredClone(await dispatch(handlers, name, structuredClone(input ?? {})))
  ])
  return Object.fromEntries(entries) as RapportBridge
}
