import { expect, it } from 'vitest'
import { defaultProfile } from '../../src/shared/schema/person.ts'
import { appPerFile, openUi } from './harness.ts'

const PEOPLE = 10_000
const name = (i: number) => `Person ${String(i).padStart(5, '0')}`

const running = appPerFile('rapport-large-', async (app) => {
  const stamp = new Date().toISOString()
  // Ten thousand people (in one saved change), and one of them with 300 conversations.
  await app.journal.session.store().change((j) => {
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      ...defaultProfile(),
      id: `person-${String(i).padStart(5, '0')}`,
      name: name(i),
      company: 'Bulk Ltd',
      createdAt: stamp,
      updatedAt: stamp
    }))
    const conversations = Array.from({ length: 300 }, (_, i) => ({
      id: `conversation-${String(i).padStart(4, '0')}`,
      personIds: ['person-00000'],
      date: new Date(Date.now() - i * 86_400_000).toISOString(),
      channel: 'call' as const,
      title: `Call number ${i}`,
      body: `Notes of call ${i}.`,
      createdAt: stamp,
      updatedAt: stamp
    }))
    return { next: { ...j, people, conversations }, result: null }
  })
})

it('keeps only the visible rows of 10,000 people in the page, and reaches the last one by scrolling', async () => {
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  await page.goto(`${running.app.url}#/people`)
  const list = page.getByRole('list', { name: 'People' })
  await list.getByText(name(0), { exact: true }).waitFor()
  expect(await list.locator('.virtual-row').count()).toBeLessThan(100)
  await page.evaluate('window.scrollTo(0, document.body.scrollHeight)')
  await list.getByText(name(PEOPLE - 1), { exact: true }).waitFor()
  expect(await list.locator('.virtual-row').count()).toBeLessThan(100)
  await list.getByRole('link', { name: new RegExp(name(PEOPLE - 1)) }).click()
  await page.getByRole('heading', { level: 1, name: name(PEOPLE - 1) }).waitFor()
  await ui.close()
})

it('filters and sorts 10,000 people at once, keeping only the visible rows in the page', async () => {
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  await page.goto(`${running.app.url}#/people`)
  const list = page.getByRole('list', { name: 'People' })
  await list.getByText(name(0), { exact: true }).waitFor()
  const box = page.getByRole('searchbox', { name: 'Filter people by name, company or tag' })
  await box.fill('0999')
  // Person 00999, and 09990 to 09999: eleven rows, and only they.
  await expect.poll(() => list.locator('.virtual-row').count()).toBe(11)
  await list.getByText(name(9999), { exact: true }).waitFor()
  await box.fill('')
  await page.getByLabel('Sort by').selectOption('last-contact')
  // The one person with conversations comes first; the rest stay virtualised.
  await expect.poll(() => list.locator('.virtual-row .name').first().innerText()).toBe(name(0))
  expect(await list.locator('.virtual-row').count()).toBeLessThan(100)
  await ui.close()
})

it('shows a long timeline fifty entries at a time', async () => {
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  await page.goto(`${running.app.url}#/person/person-00000`)
  const timeline = page.getByRole('region', { name: 'Conversations' })
  await timeline.getByText('Call number 0', { exact: true }).waitFor()
  expect(await timeline.locator('.entry').count()).toBe(50)
  await timeline.getByRole('button', { name: 'Show older conversations (250 more)' }).click()
  await expect.poll(() => timeline.locator('.entry').count()).toBe(150)
  await ui.close()
})
