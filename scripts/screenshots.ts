/**
 * `npm run screenshots`: the end-to-end tests with their screenshots written to docs/screenshots, the copies
 * README shows. Ordinary test runs write them to test-results/screenshots (ignored), so tests never change
 * tracked files; this is the one explicit way to refresh them.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs')
const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'e2e'], {
  stdio: 'inherit',
  env: { ...process.env, RAPPORT_SCREENSHOTS_DIR: 'docs/screenshots' }
})
process.exitCode = run.status ?? 1
