/**
 * The desktop's clock: what "now" is and how to wait. The system's, unless the process that runs the app
 * provides its own under Symbol.for('rapport.clock') before main starts — the launch test's stand-in for
 * Electron does, to drive a meeting reminder through time without waiting for it.
 */
export interface Clock {
  now(): Date
  setTimer(run: () => void, ms: number): unknown
  clearTimer(timer: unknown): void
}

export const systemClock: Clock = {
  now: () => new Date(),
  // Timers longer than ~24.8 days overflow; callers wait at most a few hours.
  setTimer: (run, ms) => setTimeout(run, Math.max(0, ms)),
  clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout)
}

export function desktopClock(): Clock {
  const provided = (globalThis as Record<symbol, unknown>)[Symbol.for('rapport.clock')]
  return isClock(provided) ? provided : systemClock
}

function isClock(value: unknown): value is Clock {
  const clock = value as Partial<Clock> | undefined
  return (
    typeof clock?.now === 'function' && typeof clock.setTimer === 'function' && typeof clock.clearTimer === 'function'
  )
}
