/**
 * Acceptance: a seller's day in Chromium against the real core. Add someone, log a call with them from the
 * keyboard (N, then Ctrl+Enter) with Markdown notes and commitments both ways, keep one promise late, and
 * find the rest on Today — all still there after a reload and stored, linked, in journal.json.
 *
 * Also: notes are Markdown rendered in the real browser and must never run anything, and Escape abandons a
 * half-typed conversation without sending it.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localDay } from '../../src/core/days.ts'
import { appPerTest, readJournalFile, screenshot } from './harness.ts'
import type { RunningApp } from './harness.ts'

const seller = { name: 'Ana García', company: 'Acme Logistics', role: 'CFO' }
const callTitle = 'Pricing call for the Q1 renewal'
const notes = [
  'She needs **two options**: annual and multi-year.',
  '',
  '- Month-end close takes *ten days*',
  '- Board wants cost per shipment',
  '',
  'Their case study: [Acme story](https://example.com/acme)'
].join('\n')
const iOwe = 'Send two pricing options'
const theyOwe = 'Share carrier volumes for 2026'

/** What these tests read from journal.json beyond people; typed here, checked by the assertions. */
interface StoredConversation {
  id: string
  personIds: string[]
  date: string
  channel: string
  title: string
  body: string
  createdAt: string
  updatedAt: string
}
interface StoredFollowUp {
  id: string
  personId: string
  title: string
  dueDate: string
  direction: 'i-owe' | 'they-owe'
  conversationId: string | null
  completedOn: string | null
  createdAt: string
  updatedAt: string
}
async function stored(app: RunningApp): Promise<{ conversations: StoredConversation[]; followUps: StoredFollowUp[] }> {
  const file = await readJournalFile(app)
  return {
    conversations: file['conversations'] as StoredConversation[],
    followUps: file['followUps'] as StoredFollowUp[]
  }
}

const sidebarLink = (page: Page, name: 'Today' | 'People' | 'Me') =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true })
const personHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true })
const logForm = (page: Page, name: string) => page.getByRole('form', { name: `Log conversation with ${name}` })
const commitments = (page: Page) => page.getByRole('region', { name: 'Commitments' })
const openCommitments = (page: Page) =>
  commitments(page).getByRole('list', { name: 'Open commitments' }).getByRole('listitem')
const promiseRecord = (page: Page, whose: 'My promises' | 'Their promises') =>
  commitments(page).locator('.promise-record > div').filter({ hasText: whose })
const timeline = (page: Page) => page.getByRole('region', { name: 'Conversations' })
const entry = (page: Page, title: string) => timeline(page).getByRole('listitem').filter({ hasText: title })

/** Adds a person through People and returns their id, read from the page the app lands on. */
async function addPerson(page: Page, person: typeof seller): Promise<string> {
  await sidebarLink(page, 'People').click()
  await page.getByRole('button', { name: 'Add person', exact: true }).click()
  const form = page.getByRole('form', { name: 'New person' })
  await form.getByLabel('Name').fill(person.name)
  await form.getByLabel('Company').fill(person.company)
  await form.getByLabel('Role').fill(person.role)
  await form.getByRole('button', { name: 'Add person' }).click()
  await personHeading(page, person.name).waitFor()
  const hash = new URL(page.url()).hash
  expect(hash).toMatch(/^#\/person\/[A-Za-z0-9_-]+$/)
  return hash.slice('#/person/'.length)
}

/** A key press that is not typed into a field: focus on the page body first. */
async function pressOnPage(page: Page, key: string): Promise<void> {
  await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()')
  await page.keyboard.press(key)
}

const run = appPerTest('rapport-e2e-day-')

describe('a seller’s day', () => {
  it('logs a call with commitments both ways, keeps a promise late, and finds the rest on Today', async () => {
    const { page } = run.ui
    const started = new Date()
    // The browser and this process share the machine's time zone, so "today" is the same day for both.
    // (Run across midnight, the days below could disagree with the page's; the test would then fail.)
    const today = localDay(started)
    const threeDaysAgo = addDays(today, -3)

    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
    await page.getByRole('heading', { name: 'Nothing needs you today' }).waitFor()
    const anaId = await addPerson(page, seller)
    await timeline(page).getByText('No conversations yet.').waitFor()

    // N opens the form with the title focused; letters typed in a field do not open another one.
    await pressOnPage(page, 'n')
    const form = logForm(page, seller.name)
    await form.waitFor()
    await page.keyboard.type(callTitle)
    expect(await form.getByLabel('Title').inputValue()).toBe(callTitle)
    expect(await page.getByRole('form', { name: /^Log conversation/ }).count()).toBe(1)
    await form.getByLabel('Channel').selectOption('call')
    await form.getByLabel('Notes (Markdown)').fill(notes)

    await form.getByRole('button', { name: '+ I owe them' }).click()
    await form.getByLabel('I owe them', { exact: true }).fill(iOwe)
    // Promised three days ago and still open: overdue.
    await form
      .locator('.inline-form')
      .filter({ has: page.getByLabel('I owe them', { exact: true }) })
      .getByLabel('Due')
      .fill(threeDaysAgo)
    await form.getByRole('button', { name: '+ They owe me' }).click()
    await form.getByLabel('They owe me', { exact: true }).fill(theyOwe)
    const theirDue = form
      .locator('.inline-form')
      .filter({ has: page.getByLabel('They owe me', { exact: true }) })
      .getByLabel('Due')
    expect(await theirDue.inputValue()).toBe(today) // a new follow-up is due today unless changed
    await screenshot(page, 'log-conversation-light')

    // Ctrl+Enter saves from wherever the cursor is.
    await form.getByLabel('They owe me', { exact: true }).press('Control+Enter')
    await form.waitFor({ state: 'detached' })
    await page.getByRole('status').filter({ hasText: 'Conversation logged.' }).waitFor()
    expect(run.app.calls.filter((name) => name === 'logConversation')).toHaveLength(1)

    await checkPersonPage(page, { late: false })

    // Keep the promise, three days late.
    await commitments(page)
      .getByRole('button', { name: `Mark “${iOwe}” done` })
      .click()
    await promiseRecord(page, 'My promises').getByText('0 on time · 1 late · 0 overdue · 0 open').waitFor()
    expect(await openCommitments(page).count()).toBe(1)
    await commitments(page).getByRole('button', { name: 'Show 1 done' }).click()
    const done = commitments(page).getByRole('list', { name: 'Done commitments' }).getByRole('listitem')
    await done.filter({ hasText: iOwe }).filter({ hasText: '(late)' }).waitFor()
    await screenshot(page, 'sellers-day-person-light')

    // Today: what is still due, and this week's conversation.
    await sidebarLink(page, 'Today').click()
    await checkToday(page, anaId)
    await screenshot(page, 'sellers-day-today-light')

    // Everything is still there after a reload, which reads it all back from main.
    await page.reload()
    await checkToday(page, anaId)
    await page.getByRole('region', { name: 'This week' }).getByRole('link', { name: seller.name }).click()
    await personHeading(page, seller.name).waitFor()
    await checkPersonPage(page, { late: true })

    // On disk: the conversation as typed, and both follow-ups linked to it; the kept one with its day.
    const { conversations, followUps } = await stored(run.app)
    expect(conversations).toEqual([
      {
        id: expect.any(String),
        personIds: [anaId],
        date: expect.any(String),
        channel: 'call',
        title: callTitle,
        body: notes,
        createdAt: expect.any(String),
        updatedAt: expect.any(String)
      }
    ])
    const [conversation] = conversations
    // The form's "When" is now, to the minute.
    const when = Date.parse(conversation!.date)
    expect(Math.abs(when - started.getTime())).toBeLessThan(2 * 60_000)
    expect(followUps).toHaveLength(2)
    expect(followUps.find((f) => f.direction === 'i-owe')).toEqual({
      id: expect.any(String),
      personId: anaId,
      title: iOwe,
      dueDate: threeDaysAgo,
      direction: 'i-owe',
      conversationId: conversation!.id,
      completedOn: today,
      createdAt: expect.any(String),
      updatedAt: expect.any(String)
    })
    expect(followUps.find((f) => f.direction === 'they-owe')).toEqual({
      id: expect.any(String),
      personId: anaId,
      title: theyOwe,
      dueDate: today,
      direction: 'they-owe',
      conversationId: conversation!.id,
      completedOn: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String)
    })
  })

  it('shows hostile Markdown as text: no script, no javascript: link, no dialog', async () => {
    const { page } = run.ui
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss()
    })
    const hostile = [
      'Hello <img src=x onerror=alert(1)> there',
      '',
      'Click [x](javascript:alert(2)) now',
      '',
      '<script>alert(3)</script>',
      '',
      '<a href="javascript:alert(4)" onclick="alert(5)">raw link</a>',
      '',
      '**still bold**'
    ].join('\n')

    await addPerson(page, seller)
    await pressOnPage(page, 'N')
    const form = logForm(page, seller.name)
    await form.getByLabel('Title').fill('Odd note')
    await form.getByLabel('Notes (Markdown)').fill(hostile)
    await form.getByRole('button', { name: 'Save conversation' }).click()
    await form.waitFor({ state: 'detached' })

    const note = entry(page, 'Odd note').locator('.markdown')
    await note.getByText('still bold').waitFor()
    expect(await note.locator('strong').innerText()).toBe('still bold')
    // Raw HTML is shown as the text that was typed, never made into elements.
    const text = await note.innerText()
    expect(text).toContain('<img src=x onerror=alert(1)>')
    expect(text).toContain('<script>alert(3)</script>')
    expect(text).toContain('<a href="javascript:alert(4)" onclick="alert(5)">')
    expect(await note.locator('img, script, iframe, [onerror], [onclick]').count()).toBe(0)
    // The Markdown link keeps its text but loses the javascript: target.
    const link = note.getByText('x', { exact: true })
    await link.waitFor()
    expect(await note.locator('[href^="javascript:" i]').count()).toBe(0)
    expect(await note.locator('a[href]').count()).toBe(0)
    await link.click()
    await page.waitForTimeout(300)

    expect(dialogs).toEqual([])
    expect(run.ui.context.pages()).toHaveLength(1)
    // The note is stored as typed: sanitising is the renderer's job at display time.
    expect((await stored(run.app)).conversations[0]?.body).toBe(hostile)

    // And again from a fresh load, where the note is rendered on first paint.
    await page.reload()
    await note.getByText('still bold').waitFor()
    expect(await note.locator('img, script, iframe, [onerror], [onclick], a[href]').count()).toBe(0)
    expect(dialogs).toEqual([])
  })

  it('cancels a half-typed conversation with Escape, sending nothing', async () => {
    const { page } = run.ui
    await addPerson(page, seller)
    const before = await readJournalFile(run.app)

    await pressOnPage(page, 'n')
    const form = logForm(page, seller.name)
    await form.getByLabel('Title').fill('Not saved')
    await form.getByLabel('Notes (Markdown)').fill('Nothing here should be kept.')
    await form.getByRole('button', { name: '+ I owe them' }).click()
    await form.getByLabel('I owe them', { exact: true }).fill('Not a promise')
    await form.getByLabel('I owe them', { exact: true }).press('Escape')
    await form.waitFor({ state: 'detached' })

    // The Cancel button does the same.
    await page.getByRole('button', { name: 'Log conversation', exact: true }).click()
    await form.getByLabel('Title').fill('Not saved either')
    await form.getByRole('button', { name: 'Cancel' }).click()
    await form.waitFor({ state: 'detached' })

    await timeline(page).getByText('No conversations yet.').waitFor()
    await commitments(page).getByText('No open commitments either way.').waitFor()
    expect(run.app.calls).not.toContain('logConversation')
    expect(run.app.calls).not.toContain('addFollowUp')
    expect(await readJournalFile(run.app)).toEqual(before)
  })
})

/** The person page after the call was logged: the timeline entry and both commitments. */
async function checkPersonPage(page: Page, { late }: { late: boolean }): Promise<void> {
  // The timeline groups by the month the conversation happened in, named as the page names months.
  const month = await page.evaluate<string>(
    "new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(new Date())"
  )
  await timeline(page).getByRole('heading', { level: 3, name: month }).waitFor()
  const logged = entry(page, callTitle)
  await logged.waitFor()
  expect(await logged.locator('.pill').innerText()).toBe('Call')
  // Markdown rendered: bold, emphasis, a list and a safe link that opens outside the app.
  const note = logged.locator('.markdown')
  expect(await note.locator('strong').innerText()).toBe('two options')
  expect(await note.locator('em').innerText()).toBe('ten days')
  expect(await note.locator('ul > li').allInnerTexts()).toEqual([
    'Month-end close takes ten days',
    'Board wants cost per shipment'
  ])
  const link = note.getByRole('link', { name: 'Acme story' })
  expect(await link.getAttribute('href')).toBe('https://example.com/acme')
  expect(await link.getAttribute('target')).toBe('_blank')
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer')
  expect(await note.innerText()).not.toContain('**')

  // Last contact is derived from the conversation: today.
  await page
    .locator('.person-header')
    .getByText(/\(today\)$/)
    .waitFor()

  const theirs = openCommitments(page).filter({ hasText: theyOwe })
  await theirs.waitFor()
  expect(await theirs.locator('.pill').innerText()).toBe('They owe')
  await theirs.getByText(/^due today,/).waitFor()
  await promiseRecord(page, 'Their promises').getByText('0 on time · 0 late · 0 overdue · 1 open').waitFor()

  if (late) {
    await promiseRecord(page, 'My promises').getByText('0 on time · 1 late · 0 overdue · 0 open').waitFor()
    expect(await openCommitments(page).count()).toBe(1)
  } else {
    const mine = openCommitments(page).filter({ hasText: iOwe })
    expect(await mine.locator('.pill').innerText()).toBe('I owe')
    await mine.getByText(/^overdue since /).waitFor()
    await promiseRecord(page, 'My promises').getByText('0 on time · 0 late · 1 overdue · 0 open').waitFor()
    expect(await openCommitments(page).count()).toBe(2)
  }
}

/** Today after the late promise was kept: what they owe is due today, and the call is this week's. */
async function checkToday(page: Page, anaId: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
  expect(new URL(page.url()).hash).toBe('#/today')
  const due = page.getByRole('region', { name: 'Due today' })
  const item = due.getByRole('listitem').filter({ hasText: theyOwe })
  await item.waitFor()
  expect(await due.getByRole('listitem').count()).toBe(1)
  expect(await item.locator('.pill').innerText()).toBe('They owe')
  expect(await item.getByRole('link', { name: seller.name }).getAttribute('href')).toBe(`#/person/${anaId}`)
  await item.getByRole('button', { name: `Mark “${theyOwe}” done` }).waitFor()
  // The kept promise is no longer anyone's business.
  expect(await page.getByRole('region', { name: /^Overdue/ }).count()).toBe(0)
  expect(await page.getByText(iOwe).count()).toBe(0)

  const week = page.getByRole('region', { name: 'This week' })
  const call = week.getByRole('listitem').filter({ hasText: callTitle })
  await call.waitFor()
  expect(await week.getByRole('listitem').count()).toBe(1)
  expect(await call.locator('.pill').innerText()).toBe('Call')
  expect(await call.getByRole('link', { name: seller.name }).getAttribute('href')).toBe(`#/person/${anaId}`)
  expect(await page.getByRole('heading', { name: 'Nothing needs you today' }).count()).toBe(0)
}
