import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanup, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import type { TempJournal } from '../support/temp-journal.ts'
import { renderApp } from './journal-fixtures.ts'
import { openSeededJournal, region, showPersonPage } from './seller-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

// A heading or a question given the focus from script (tabindex="-1", out of the Tab order) is no control.
const CONTROLS = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])'

/** Every control in `root` has an accessible name, can be reached with Tab, and keeps its focus outline. */
function expectUsableByKeyboard(root: HTMLElement): number {
  const controls = [...root.querySelectorAll<HTMLElement>(CONTROLS)]
  for (const control of controls) {
    const what = control.outerHTML.slice(0, 120)
    expect(control, what).toHaveAccessibleName()
    const tabindex = control.getAttribute('tabindex')
    if (tabindex !== null) expect(Number(tabindex), what).toBe(0)
  }
  for (const element of root.querySelectorAll<HTMLElement>('[style]')) {
    expect(element.getAttribute('style'), element.outerHTML.slice(0, 120)).not.toMatch(/outline\s*:\s*(none|0)\b/i)
  }
  for (const role of ['button', 'textbox', 'combobox', 'checkbox', 'spinbutton', 'link'] as const) {
    for (const element of within(root).queryAllByRole(role))
      expect(element, element.outerHTML.slice(0, 120)).toHaveAccessibleName()
  }
  return controls.length
}

describe('Keyboard and accessibility basics', () => {
  it('names every button, field and link on a person page with every form open', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = await showPersonPage(journal.bridge, seeded.anaId, 'Ana García')

    await user.keyboard('n')
    const log = screen.getByRole('form', { name: 'Log conversation with Ana García' })
    await user.click(within(log).getByRole('button', { name: '+ I owe them' }))
    await user.click(within(log).getByRole('button', { name: '+ They owe me' }))
    await user.type(within(log).getByRole('combobox', { name: 'Also with' }), 'priya')
    await within(log).findByRole('option', { name: /Priya Natarajan/ })
    const commitments = region('Commitments')
    await user.click(within(commitments).getByRole('button', { name: 'Add follow-up' }))
    await user.click(
      within(commitments).getByRole('button', { name: 'Edit or reschedule “Share carrier volumes for 2026”' })
    )
    await user.click(within(commitments).getByRole('button', { name: 'Show 1 done' }))
    await user.click(within(region('Interests')).getByRole('button', { name: 'Add interest' }))
    await user.click(within(region('Challenges')).getByRole('button', { name: 'Add challenge' }))
    await user.click(
      within(region('Challenges')).getByRole('button', {
        name: 'Add value brought for “Month-end close takes ten days”'
      })
    )
    await user.click(within(region('About')).getByRole('button', { name: 'Edit profile' }))

    const page = screen.getByRole('article')
    for (const form of [
      'Log conversation with Ana García',
      'New follow-up',
      'Edit follow-up',
      'New interest',
      'New challenge',
      'Value I brought',
      'Edit Ana García'
    ]) {
      expect(within(page).getByRole('form', { name: form })).toBeInTheDocument()
    }
    expect(within(page).getByRole('list', { name: 'Done commitments' })).toBeInTheDocument()
    expect(expectUsableByKeyboard(page)).toBeGreaterThan(60)

    // The confirmation that replaces “Delete Ana García…” too.
    await user.click(screen.getByRole('button', { name: 'Delete Ana García' }))
    expect(screen.getByRole('button', { name: 'Keep' })).toBeInTheDocument()
    expectUsableByKeyboard(page)
  })

  it('names every control on Today, People, Me and an interest view, and in the sidebar and toasts', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = userEvent.setup()
    const { container } = renderApp(journal.bridge, '#/today')
    await screen.findByRole('region', { name: /^Overdue/ })
    expectUsableByKeyboard(container)

    await user.click(screen.getByRole('button', { name: 'Mark “Return the signed NDA” done' }))
    location.hash = '#/people'
    await screen.findByRole('list', { name: 'People' })
    await user.click(screen.getByRole('button', { name: 'Add person' }))
    expectUsableByKeyboard(container)

    location.hash = '#/me'
    await screen.findByRole('list', { name: 'My interests' })
    await user.click(
      within(screen.getByRole('list', { name: 'My interests' })).getByRole('button', { name: 'Remove Real Madrid' })
    )
    await screen.findByText('“Real Madrid” was deleted.')
    await user.click(screen.getByRole('button', { name: 'Add interest' }))
    expectUsableByKeyboard(container)

    location.hash = '#/interest/Sourdough'
    await screen.findByRole('list', { name: 'People interested in Sourdough' })
    expectUsableByKeyboard(container)
  })

  it('shows a visible focus outline, and replaces it wherever a stylesheet removes it', async () => {
    const root = join(import.meta.dirname, '../../src/renderer')
    const files = (await readdir(root, { recursive: true })).filter((name) => /\.(css|svelte|html)$/.test(name))
    expect(files).toContain(join('src', 'app.css'))
    const css = await readFile(join(root, 'src', 'app.css'), 'utf8')
    expect(css).toMatch(/(^|\n)\s*:focus-visible\s*\{[^}]*outline\s*:\s*\d+px solid/)
    for (const name of files) {
      const text = (await readFile(join(root, name), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '')
      const rules = [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
        selector: selector!.trim(),
        body: body!
      }))
      for (const rule of rules.filter((r) => /outline(-style|-width)?\s*:\s*(none|0)\b/i.test(r.body))) {
        // A removed outline needs another focus indicator on the same component (e.g. :focus-within).
        const component = /^[.#]?[\w-]+/.exec(rule.selector)?.[0] ?? rule.selector
        const replaced = rules.some(
          (r) =>
            r !== rule &&
            r.selector.includes(component) &&
            /:focus(-within|-visible)?\b/.test(r.selector) &&
            /(outline\s*:\s*\d|box-shadow\s*:[^;]*var\(--focus\))/.test(r.body)
        )
        expect(replaced, `${name}: “${rule.selector}” removes the focus outline with nothing in its place`).toBe(true)
      }
    }
  })
})
