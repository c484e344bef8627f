import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Loaded } from '../../src/renderer/src/state/loaded.svelte.ts'
import { hrefOf, Nav, parseRoute } from '../../src/renderer/src/state/nav.svelte.ts'
import type { Route } from '../../src/renderer/src/state/nav.svelte.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { addPeople, person } from './journal-fixtures.ts'

describe('Loaded', () => {
  let journal: TempJournal
  beforeEach(async () => {
    journal = await openTempJournal()
  })
  afterEach(async () => {
    await journal.dispose()
  })

  it('is loading until the first answer, then holds the value', async () => {
    await addPeople(journal.bridge, [person('Bea'), person('Anna')])
    const people = new Loaded(() => journal.bridge.listPeople())
    expect(people.loading).toBe(true)
    expect(people.value).toBeNull()

    await people.load()

    expect(people.loading).toBe(false)
    expect(people.value?.map((p) => p.name)).toEqual(['Anna', 'Bea'])
    expect(people.error).toBe('')
  })

  it('holds the error when loading fails, and clears it once a load succeeds', async () => {
    const [anna] = await addPeople(journal.bridge, [person('Anna')])
    const page = new Loaded(() => journal.bridge.getPersonPage({ id: anna!.id }))
    await journal.bridge.deletePerson({ id: anna!.id })

    await page.load()
    expect(page.loading).toBe(false)
    expect(page.error).toBe('That person is no longer in the journal.')
    expect(page.value).toBeNull()

    const back = await addPeople(journal.bridge, [person('Bea')])
    const other = new Loaded(() => journal.bridge.getPersonPage({ id: back[0]!.id }))
    await other.load()
    expect(other.error).toBe('')
    expect(other.value?.person.name).toBe('Bea')
  })
})

describe('Nav', () => {
  beforeEach(() => history.replaceState(null, '', location.pathname))

  it('reads every route from the hash and writes it back the same', () => {
    const routes: Route[] = [
      { view: 'today' },
      { view: 'people' },
      { view: 'me' },
      { view: 'person', id: 'a1b2c3d4-e5f6' },
      { view: 'interest', label: 'Sailing & boats/ÿ' }
    ]
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route)
  })

  it('goes to Today for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ view: 'today' })
    expect(parseRoute('#/nowhere')).toEqual({ view: 'today' })
    expect(parseRoute('#/person/')).toEqual({ view: 'today' })
  })

  it('starts from the current hash, follows hash changes, and puts its route in the hash', async () => {
    history.replaceState(null, '', '#/me')
    const nav = new Nav()
    expect(nav.route).toEqual({ view: 'me' })

    nav.go({ view: 'person', id: 'abc12345' })
    expect(nav.route).toEqual({ view: 'person', id: 'abc12345' })
    expect(location.hash).toBe('#/person/abc12345')

    location.hash = '#/people'
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }))
    expect(nav.route).toEqual({ view: 'people' })
  })
})
