/// <reference types="vite/client" />
import type { RapportBridge } from '../../shared/api.ts'
import type { RapportEvents } from '../../shared/app-commands.ts'

declare global {
  interface Window {
    /** Exposed by the preload; the renderer's only way to the journal. */
    readonly rapport: RapportBridge & RapportEvents
  }
}

export {}
