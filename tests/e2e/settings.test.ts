/**
 * Settings in Chromium against the real core: the theme override repaints the page, a bad global shortcut
 * is refused where it was typed, and the reminders time is saved and handed to the desktop to apply.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { appPerTest, screenshot } from './harness.ts'

const run = appPerTest('rapport-e2e-settings-')

const pageBackground = (page: Page) =>
  page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor')
const theme = (page: Page) => page.evaluate<string | undefined>('document.documentElement.dataset.theme')
const storedSettings = async () =>
  JSON.parse(await readFile(join(run.app.dir, 'settings.json'), 'utf8')) as Record<string, unknown>

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  await page.getByRole('heading', { level: 2, name: 'Your data' }).waitFor()
}

it('switches the theme to Dark and back, repainting the page', async () => {
  const { page } = run.ui
  await openSettings(page)
  await screenshot(page, 'settings-light')
  expect(await theme(page)).toBe('system')
  expect(await pageBackground(page)).toBe('rgb(246, 245, 242)')

  const appearance = page.getByRole('region', { name: 'Appearance and dates' })
  await appearance.getByLabel('Theme').selectOption({ label: 'Dark' })
  await appearance.getByRole('status').filter({ hasText: 'Theme saved.' }).waitFor()
  expect(await theme(page)).toBe('dark')
  expect(await page.locator('html[data-theme="dark"]').count()).toBe(1)
  expect(await pageBackground(page)).toBe('rgb(22, 24, 28)')
  expect(run.app.desktop.applied.at(-1)?.theme).toBe('dark')
  expect(await storedSettings()).toMatchObject({ theme: 'dark' })

  // It holds across a reload, even though the system (this browser) is light.
  await page.reload()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  await expect.poll(() => theme(page)).toBe('dark')
  expect(await pageBackground(page)).toBe('rgb(22, 24, 28)')
  expect(await appearance.getByLabel('Theme').inputValue()).toBe('dark')

  await appearance.getByLabel('Theme').selectOption({ label: 'Follow the system' })
  await expect.poll(() => pageBackground(page)).toBe('rgb(246, 245, 242)')
  expect(run.app.failedCalls).toEqual([])
})

it('refuses a bad global shortcut inline, applying nothing', async () => {
  const { page } = run.ui
  await openSettings(page)
  const applied = run.app.desktop.applied.length
  const form = page.getByRole('form', { name: 'Global shortcut' })
  await form.getByLabel('Turn on').check()
  await form.getByLabel('Shortcut').fill('Ctrl+Shift+Nope')
  await form.getByRole('button', { name: 'Save shortcut' }).click()

  const error = form.getByRole('alert')
  await error.filter({ hasText: 'Use a shortcut like CommandOrControl+Shift+Space' }).waitFor()
  const field = form.getByLabel('Shortcut')
  expect(await field.getAttribute('aria-invalid')).toBe('true')
  expect(await field.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'))
  // What was typed stays, to be fixed; nothing was saved or applied.
  expect(await field.inputValue()).toBe('Ctrl+Shift+Nope')
  expect(run.app.desktop.applied.length).toBe(applied)
  expect(run.app.failedCalls).toEqual([
    expect.stringMatching(/^updateSettings: invalid-input: .*Use a shortcut like CommandOrControl\+Shift\+Space/)
  ])

  await field.fill('CommandOrControl+Alt+R')
  await form.getByRole('button', { name: 'Save shortcut' }).click()
  await form.getByRole('status').filter({ hasText: 'Global shortcut saved.' }).waitFor()
  expect(await form.getByRole('alert').count()).toBe(0)
  expect(await field.getAttribute('aria-invalid')).toBe('false')
  expect(run.app.desktop.applied.at(-1)?.globalShortcut).toEqual({
    enabled: true,
    accelerator: 'CommandOrControl+Alt+R'
  })
  run.app.failedCalls.length = 0
})

it('saves the reminders time and hands it to the desktop', async () => {
  const { page } = run.ui
  await openSettings(page)
  const form = page.getByRole('form', { name: 'Reminders' })
  expect(await form.getByLabel('At').inputValue()).toBe('08:30')
  await form.getByLabel('At').fill('07:45')
  await form.getByLabel('Remind me').uncheck()
  await form.getByLabel('Remind me').check()
  await form.getByRole('button', { name: 'Save reminders' }).click()
  await form.getByRole('status').filter({ hasText: 'Reminders saved.' }).waitFor()
  expect(run.app.desktop.applied.at(-1)?.reminders).toEqual({ enabled: true, time: '07:45' })
  expect(await storedSettings()).toMatchObject({ reminders: { enabled: true, time: '07:45' } })

  await page.reload()
  await page.getByRole('heading', { level: 2, name: 'Reminders' }).waitFor()
  expect(await form.getByLabel('At').inputValue()).toBe('07:45')
  expect(run.app.failedCalls).toEqual([])
})
