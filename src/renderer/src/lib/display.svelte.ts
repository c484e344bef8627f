/** How dates are shown, from the user's settings; components that format dates update when it changes. */
import type { Settings } from '../../../shared/settings.ts'

export const display = $state<{ dateFormat: Settings['dateFormat'] }>({ dateFormat: 'system' })
