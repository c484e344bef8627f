import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker; many files wait on child processes or Chromium, so two
    // overlap that waiting with work (the CI machine has 2 cores).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/shell/**/*.test.ts'],
          testTimeout: 20_000
        }
      },
      {
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'components',
          environment: 'jsdom',
          // Whole-app renders with user-event typing take seconds on a loaded 2-core machine.
          testTimeout: 30_000,
          include: ['tests/components/**/*.test.ts'],
          setupFiles: ['tests/components/setup.ts']
        }
      },
      {
        test: {
          // Runs the built out/main/cli.js: needs `npm run build` first, like e2e.
          name: 'cli',
          environment: 'node',
          include: ['tests/cli/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000
        }
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for the page to change; its 1 s default ended waits early on a loaded machine
          // (a poll whose locator call was itself still waiting for the element).
          expect: { poll: { timeout: 10_000 } }
        }
      }
    ]
  }
})
