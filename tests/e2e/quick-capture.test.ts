/**
 * Item 4 of the daily loop: quick capture from anywhere. A one-line note on a known person takes at most six
 * keystrokes besides the note's own text: Ctrl+Shift+L, a few letters of the name, Enter, the note, Enter.
 * A follow-up typed as a phrase ("send deck fri") is due on the day it names. The menu's command (and so
 * the global shortcut, which sends the same command) opens the same box.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { addDays, localDay } from '../../src/core/days.ts'
import { seedDailyJournal } from '../support/daily-journal.ts'
import type { DailyIds } from '../support/daily-journal.ts'
import { appPerTest, readJournalFile } from './harness.ts'

let ids: DailyIds
const run = appPerTest('rapport-capture-', async (app) => {
  ids = await seedDailyJournal(app.journal.handlers, new Date())
})

interface Stored {
  conversations: Array<{ id: string; personIds: string[]; title: string; body: string; channel: string }>
  followUps: Array<{ title: string; dueDate: string; direction: string; conversationId: string | null }>
}
const stored = async () => (await readJournalFile(run.app)) as unknown as Stored

/** Presses keys one at a time and counts them; typing a text counts as none (it is the note itself). */
function keyboard(page: Page) {
  let count = 0
  return {
    press: async (key: string) => {
      count++
      await page.keyboard.press(key)
    },
    word: async (letters: string) => {
      for (const letter of letters) {
        count++
        await page.keyboard.press(letter)
      }
    },
    text: (text: string) => page.keyboard.type(text),
    get count() {
      return count
    }
  }
}

const capture = (page: Page) => page.getByRole('dialog', { name: 'Quick capture' })

describe('quick capture', () => {
  it('notes a line on a known person in six keystrokes plus the text, from the People page', async () => {
    const { page } = run.ui
    await page.goto(`${run.app.url}#/people`)
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor()
    const keys = keyboard(page)
    await keys.press('Control+Shift+L')
    await capture(page).getByRole('combobox', { name: 'Who', exact: true }).waitFor()
    await keys.word('wei')
    await capture(page)
      .getByRole('option', { name: /Wei Chen/ })
      .waitFor()
    await keys.press('Enter')
    await capture(page).getByText('Note on').waitFor()
    await keys.text('Budget approved for the line 4 pilot')
    await keys.press('Enter')
    await page.locator('.toast').getByText('Noted for Wei Chen.').waitFor()
    expect(keys.count).toBeLessThanOrEqual(6)
    await capture(page).waitFor({ state: 'hidden' })

    const { conversations } = await stored()
    expect(conversations.at(-1)).toMatchObject({
      personIds: [ids.weiId],
      title: 'Budget approved for the line 4 pilot',
      body: 'Budget approved for the line 4 pilot',
      channel: 'call'
    })
  })

  it('reads the follow-up’s day from its phrase, and opens from the menu’s command', async () => {
    const { page } = run.ui
    await page.goto(`${run.app.url}#/today`)
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
    await page.evaluate(`window.__rapportCommand('quick-capture')`)
    const box = capture(page)
    await box.getByRole('combobox', { name: 'Who', exact: true }).fill('tomasz')
    await box.getByRole('option', { name: /Tomasz Nowak/ }).click()
    await box.getByLabel('Note').fill('Spare parts list is with purchasing')
    await box.getByLabel('Follow-up (optional)').fill('send deck fri')
    await box.getByLabel('Note').press('Enter')
    await page
      .locator('.toast')
      .getByText(/^Noted for Tomasz Nowak\. Follow-up “send deck” due /)
      .waitFor()

    const { conversations, followUps } = await stored()
    const friday = [0, 1, 2, 3, 4, 5, 6]
      .map((n) => addDays(localDay(new Date()), n))
      .find((day) => new Date(`${day}T12:00:00Z`).getUTCDay() === 5)
    expect(followUps.at(-1)).toMatchObject({
      title: 'send deck',
      dueDate: friday,
      direction: 'i-owe',
      conversationId: conversations.at(-1)!.id
    })
  })

  it('says who is missing instead of saving a note on nobody, and Esc closes it without a call', async () => {
    const { page } = run.ui
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor()
    await page.keyboard.press('Control+Shift+L')
    const box = capture(page)
    await box.getByLabel('Note').fill('Orphan note')
    await box.getByLabel('Note').press('Enter')
    await box.getByRole('alert').getByText('Pick who it was with: type a name, then Enter.').waitFor()
    await page.keyboard.press('Escape')
    await box.waitFor({ state: 'hidden' })
    expect(run.app.calls).not.toContain('quickCapture')
  })
})
