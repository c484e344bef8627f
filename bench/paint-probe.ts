/// <reference lib="dom" />
/**
 * The in-page half of the paint benchmark: it takes a key's own event time, watches the page for what that
 * key should bring (the switcher's results for the text typed so far, or a brief's heading), and records
 * the time to the frame that shows it: a requestAnimationFrame callback runs just before a frame is
 * painted, and a message posted from it arrives just after.
 */
import type { Page } from 'playwright-core'

export type ProbeKind = 'results' | 'brief'

export interface Probe {
  /** What the next key should bring; null once it was painted (or before anything was armed). */
  armed: { kind: ProbeKind; expect: string; startedAt: number; waiting: boolean } | null
  /** Milliseconds from each key to the paint of what it brought. */
  samples: number[]
  arm: (kind: ProbeKind, expect: string) => void
}

/** The page's global object, with the probe on it. */
type ProbeGlobal = typeof globalThis & { __paint: Probe }

export async function installPaintProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: Probe = {
      armed: null,
      samples: [],
      arm: (kind, expect) => void (probe.armed = { kind, expect, startedAt: NaN, waiting: false })
    }
    // The key's own time (when the browser received it), from whichever comes first: keydown, or the text
    // input of a character the keyboard cannot type directly.
    const start = (event: Event) => {
      if (probe.armed && Number.isNaN(probe.armed.startedAt)) probe.armed.startedAt = event.timeStamp
    }
    document.addEventListener('keydown', start, true)
    document.addEventListener('beforeinput', start, true)
    const shows = (armed: NonNullable<Probe['armed']>) => {
      if (armed.kind === 'brief') return document.getElementById('brief-heading')?.textContent === armed.expect
      const box = document.querySelector<HTMLInputElement>('input[role="combobox"]')
      const list = document.getElementById('switcher-results')
      return box?.value === armed.expect && list?.getAttribute('aria-busy') === 'false'
    }
    const check = () => {
      const armed = probe.armed
      if (!armed || armed.waiting || Number.isNaN(armed.startedAt) || !shows(armed)) return
      armed.waiting = true
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => {
          probe.samples.push(performance.now() - armed.startedAt)
          probe.armed = null
        }
        channel.port2.postMessage(null)
      })
    }
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true
    })
    Object.defineProperty(globalThis, '__paint', { value: probe })
  })
}

/** Says what the next key should bring. */
export async function armProbe(page: Page, kind: ProbeKind, expect: string): Promise<void> {
  await page.evaluate(([k, e]) => (globalThis as ProbeGlobal).__paint.arm(k, e), [kind, expect] as const)
}

/** Waits until what the armed key brought is painted; its time in milliseconds. */
export async function nextSample(page: Page): Promise<number> {
  await page.waitForFunction(() => (globalThis as ProbeGlobal).__paint.armed === null, undefined, { timeout: 20_000 })
  return page.evaluate(() => (globalThis as ProbeGlobal).__paint.samples.at(-1)!)
}
