/**
 * axe-core in the e2e pages. The page's Content-Security-Policy forbids inline scripts, so axe's source is
 * not added as a <script>: it is evaluated over the DevTools protocol, which the policy does not govern.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
let source: Promise<string> | undefined
const axeSource = () => (source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8'))

export interface A11yViolation {
  id: string
  impact: string
  help: string
  /** Selectors of the first few elements that fail, and how many fail in all. */
  targets: string[]
  count: number
}

/** Runs axe on the whole document as it is now; every violation, whatever its impact. */
export async function a11yViolations(page: Page): Promise<A11yViolation[]> {
  if (!(await page.evaluate<boolean>("typeof globalThis.axe?.run === 'function'")))
    await page.evaluate(await axeSource())
  return page.evaluate<A11yViolation[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((results) =>
      results.violations.map((v) => ({
        id: v.id,
        impact: v.impact || 'unknown',
        help: v.help,
        targets: v.nodes.slice(0, 4).map((node) => node.target.join(' ')),
        count: v.nodes.length
      }))
    )
  `)
}

/**
 * Fails, listing them, if axe finds any serious or critical violation on the page; with `everything`, any
 * violation at all of axe's rules, its best practices included (heading order, landmarks, region).
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string, everything = false): Promise<void> {
  const serious = (await a11yViolations(page)).filter(
    (v) => everything || v.impact === 'serious' || v.impact === 'critical'
  )
  if (serious.length === 0) return
  const lines = serious.map(
    (v) =>
      `  [${v.impact}] ${v.id}: ${v.help} — ${v.count} element(s): ${v.targets.join(' | ')}${v.count > v.targets.length ? ' | …' : ''}`
  )
  const kind = everything ? '' : ' serious or critical'
  throw new Error(`${label}: ${serious.length}${kind} accessibility violation(s):\n${lines.join('\n')}`)
}
