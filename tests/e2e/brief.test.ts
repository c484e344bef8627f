/**
 * The pre-call brief in Chromium, opened the way a seller opens it seconds before a call: Ctrl+K, a name,
 * Ctrl+Enter. Ana has a birthday in three days, a year-old promise, and a team that just lost.
 */
import { expect, it, onTestFinished } from 'vitest'
import { BRIEF_SECTIONS } from '../support/brief-fixtures.ts'
import { dayOffset, seedJournal, timeOffset } from '../support/seed-journal.ts'
import { appPerFile, openUi, screenshot } from './harness.ts'

let anaId = ''
const running = appPerFile('rapport-brief-', async (app) => {
  const api = app.journal.handlers
  const now = new Date()
  ;({ anaId } = await seedJournal(api, now))
  const [, month, day] = dayOffset(now, 3).split('-')
  await api.updatePerson({
    id: anaId,
    patch: {
      importantDates: [{ label: 'Birthday', date: `--${month}-${day}`, repeats: 'yearly', remindDaysBefore: 5 }]
    }
  })
  await api.addFollowUp({
    followUp: {
      personId: anaId,
      title: 'Send recording and slides',
      dueDate: dayOffset(now, -401),
      direction: 'i-owe',
      conversationId: null
    }
  })
  await api.addInterest({ interest: { ownerId: anaId, label: 'Atlético', category: 'sport', note: '' } })
  await api.logConversation({
    conversation: {
      personIds: [anaId],
      date: timeOffset(now, -4),
      channel: 'call',
      title: 'Renewal timing',
      body: [
        'Short call, 15 minutes.',
        '',
        'Flexport approached them last week with a lower rate.',
        'Budget is €180k for next year; the board decides on 15 January.',
        'Atlético lost the derby; she didn’t want to talk about it.'
      ].join('\n')
    },
    followUps: []
  })
})

it('opens the brief from Ctrl+K with before-you-dial first and the user’s words quoted', async () => {
  const handlers = running.app.journal.handlers
  const getBrief = handlers.getBrief
  const asked: string[] = []
  handlers.getBrief = (input) => {
    asked.push(input.id)
    return getBrief(input)
  }
  onTestFinished(() => void (handlers.getBrief = getBrief))
  const ui = await openUi(running.browser, running.app)
  const { page } = ui
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
  await page.keyboard.press('Control+K')
  await page.keyboard.type('ana garcia')
  // The answer to what was typed, not an older one still on screen.
  await page.locator('[role="listbox"][aria-label="Results"][aria-busy="false"]').waitFor()
  await page
    .getByRole('listbox', { name: 'Results' })
    .getByRole('option')
    .filter({ hasText: 'Ana García' })
    .first()
    .waitFor()
  // The top result's brief is asked for while the switcher shows it: Ctrl+Enter then needs no call to main.
  await expect.poll(() => asked).toContain(anaId)
  const askedBefore = asked.length
  await page.keyboard.press('Control+Enter')
  await page.getByRole('heading', { level: 1, name: 'Ana García' }).waitFor()
  expect(page.url()).toMatch(/#\/brief\//)
  expect(asked).toHaveLength(askedBefore)

  const headings = await page.getByRole('heading', { level: 2 }).allTextContents()
  expect(headings).toEqual(BRIEF_SECTIONS)
  const dial = page.getByRole('region', { name: 'Before you dial' })
  expect(await dial.innerText()).toContain('No calls before 9:30 — school run.')
  expect(await dial.getByRole('list', { name: 'Dates coming up' }).innerText()).toContain('Birthday in 3 days')
  const talking = page.getByRole('region', { name: 'Talking points' })
  const points = talking.locator('ol > li')
  expect(await points.first().textContent()).toBe('You owe them: “Send two pricing options” · due today')
  expect((await points.allTextContents()).join('\n')).not.toMatch(/Atlético|Send recording and slides/)
  expect(await talking.getByRole('list', { name: 'Not suggested as openers' }).innerText()).toMatch(
    /^Atlético — “Atlético lost the derby; she didn’t want to talk about it\.”/
  )
  const commitments = page.getByRole('region', { name: 'Open commitments' })
  await commitments.getByText('1 older open item (more than 60 days late)').click()
  await commitments.getByText('Send recording and slides', { exact: false }).waitFor()
  const changed = await page.getByRole('region', { name: 'What changed since last time' }).innerText()
  expect(changed).toContain('“Flexport approached them last week with a lower rate.”')
  expect(changed).toContain('“Renewal timing” · a date (last week)')
  await ui.close()
})

it.each(['light', 'dark'] as const)('shows the brief as a seller sees it before a call (%s)', async (colorScheme) => {
  const ui = await openUi(running.browser, running.app, { colorScheme })
  await ui.page.goto(`${running.app.url}#/brief/${anaId}`)
  await ui.page.getByRole('heading', { level: 1, name: 'Ana García' }).waitFor()
  await ui.page.getByRole('region', { name: 'What changed since last time' }).waitFor()
  await screenshot(ui.page, `brief-${colorScheme}`)
  await screenshot(ui.page, `brief-full-${colorScheme}`, { fullPage: true })
  await ui.close()
})
