/** The command line the benchmarks share: `--sizes S,M` (or `--sizes=S,M`), `--json`, `--smoke`. */
import { SIZES } from './generate.ts'

export type SizeName = keyof typeof SIZES

export function benchArgs(defaultSizes: string): {
  json: boolean
  smoke: boolean
  sizes: SizeName[]
  /** Progress lines: to stdout, or to stderr when stdout is for the JSON. */
  log: (line: string) => void
} {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const sizeArg = args.find((a) => a.startsWith('--sizes'))
  const list = sizeArg?.includes('=') ? sizeArg.split('=')[1] : sizeArg ? args[args.indexOf(sizeArg) + 1] : undefined
  return {
    json,
    smoke: args.includes('--smoke'),
    sizes: (list ?? defaultSizes).split(',').filter((s): s is SizeName => s in SIZES),
    log: (line) => void (json ? process.stderr : process.stdout).write(`${line}\n`)
  }
}
