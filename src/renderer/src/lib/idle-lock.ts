/**
 * Locks a protected journal after `minutes` without a key press, click, scroll or touch in Rapport's window
 * (time spent in other programs counts as idle). Returns a function that stops watching.
 */
const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const

export function lockWhenIdle(minutes: number, lock: () => void, target: Window = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const restart = () => {
    clearTimeout(timer)
    timer = setTimeout(lock, minutes * 60_000)
  }
  restart()
  for (const type of ACTIVITY) target.addEventListener(type, restart, { passive: true, capture: true })
  return () => {
    clearTimeout(timer)
    for (const type of ACTIVITY) target.removeEventListener(type, restart, { capture: true })
  }
}
