/** Timing helpers for the benchmark: medians and 95th percentiles of repeated runs. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

export function time<T>(run: () => T): { ms: number; value: T; cpuMs: number } {
  const start = performance.now()
  const cpu = process.cpuUsage()
  const value = run()
  const used = process.cpuUsage(cpu)
  // CPU time (this thread's work, GC included) beside wall time, which a busy shared machine inflates.
  return { ms: performance.now() - start, value, cpuMs: (used.user + used.system) / 1000 }
}

export async function timeAsync<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await run()
  return { ms: performance.now() - start, value }
}

export function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  const used = () => {
    gc?.()
    const { heapUsed, arrayBuffers } = process.memoryUsage()
    // Postings live in ArrayBuffers, outside the JS heap proper: count both.
    return (heapUsed + arrayBuffers) / 1024 / 1024
  }
  // Large ArrayBuffers (postings, file bytes) may be freed only by a later collection: collect until the
  // figure settles, as it does in an idle app a moment later.
  let before = used()
  for (let round = 0; round < 4; round++) {
    const after = used()
    if (after > before - 1) return after
    before = after
  }
  return before
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits
