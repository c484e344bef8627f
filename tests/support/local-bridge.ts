/**
 * A RapportBridge that calls the handler table in this process, with each payload and result passed
 * through structuredClone as IPC would: for the tests and the e2e server (the app uses IPC).
 */
import { apiNames } from '../../src/shared/api.ts'
import type { RapportBridge } from '../../src/shared/api.ts'
import { dispatch } from '../../src/core/api/handlers.ts'
import type { Handlers } from '../../src/core/api/handlers.ts'

export function createLocalBridge(handlers: Handlers): RapportBridge {
  const entries = apiNames.map((name) => [
    name,
    async (input?: unknown) => structuredClone(await dispatch(handlers, name, structuredClone(input ?? {})))
  ])
  return Object.fromEntries(entries) as RapportBridge
}
