/**
 * What the page does for each command main sends: menu items, the global shortcut and notifications. One
 * entry per command, so a command added to the contract does not type-check until it is handled here.
 */
import type { RapportBridge } from '../../../shared/api.ts'
import type { Command } from '../../../shared/app-commands.ts'
import type { Changes } from '../state/changes.svelte.ts'
import { briefRoute } from '../state/nav.svelte.ts'
import type { Nav } from '../state/nav.svelte.ts'
import type { SwitcherState } from '../state/switcher.svelte.ts'
import { exportActions } from './export-actions.ts'

interface AppParts {
  bridge: RapportBridge
  changes: Changes
  nav: Nav
  switcher: SwitcherState
  showShortcuts: () => void
  showCapture: () => void
  lock: () => void
}

export function commandRunner(parts: AppParts): (command: Command, detail: string) => void {
  const { bridge, changes, nav, switcher, showShortcuts, showCapture, lock } = parts
  const exports = exportActions(bridge)

  /** An export's outcome (or its refusal) as a toast; nothing when the dialog was cancelled. */
  function tell(action: () => Promise<string>): void {
    action().then(
      (message) => {
        if (message) changes.notify(message)
      },
      (error: unknown) => {
        changes.notify(error instanceof Error ? error.message : String(error), 'error')
      }
    )
  }

  const actions: Record<Command, (detail: string) => void> = {
    'open-switcher': () => switcher.show(),
    'quick-capture': showCapture,
    'go-today': () => nav.go({ view: 'today' }),
    'go-people': () => nav.go({ view: 'people' }),
    'go-me': () => nav.go({ view: 'me' }),
    'go-settings': () => nav.go({ view: 'settings' }),
    import: () => nav.go({ view: 'import' }),
    'show-shortcuts': showShortcuts,
    'new-person': () => {
      nav.ask('new-person')
      nav.go({ view: 'people' })
    },
    'log-conversation': () => {
      if (nav.route.view === 'person') nav.ask('log-conversation')
      else changes.notify('Open a person’s page first, then log the conversation there.', 'error')
    },
    'export-markdown': () => tell(exports.markdown),
    'export-person': () => {
      if (nav.route.view === 'person') {
        const { id } = nav.route
        tell(() => exports.person(id))
      } else changes.notify('Open a person’s page first, then export them from there.', 'error')
    },
    'export-json': () => tell(exports.json),
    'export-ics': () => tell(exports.calendar),
    'export-vcard': () => tell(() => exports.vcard()),
    'export-person-vcard': () => {
      if (nav.route.view === 'person') {
        const { id } = nav.route
        tell(() => exports.vcard([id]))
      } else changes.notify('Open a person’s page first, then export them from there.', 'error')
    },
    'backup-now': () => void changes.run(() => bridge.backupNow(), { saved: 'Backed up.' }),
    // A meeting reminder was clicked: the detail lists the people it is with.
    'open-brief': (detail) => {
      const ids = detail.split(',').filter(Boolean)
      if (ids.length > 0) nav.go(briefRoute(ids))
    },
    'calendar-changed': () => changes.changed(),
    'lock-journal': lock
  }
  return (command, detail) => actions[command](detail)
}
