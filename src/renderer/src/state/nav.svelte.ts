/**
 * Where the user is: Today, People, a person's page, or Me. Kept in the URL hash so reloads and the
 * back button work, and so links between views are plain anchors.
 */
export type Route =
  | { view: 'today' }
  | { view: 'people' }
  | { view: 'person'; id: string; entry?: string }
  | { view: 'brief'; id: string }
  /** The briefs of everyone in a meeting, one after another. */
  | { view: 'briefs'; ids: string[] }
  | { view: 'interest'; label: string }
  | { view: 'me' }
  | { view: 'settings' }
  | { view: 'import' }

export function parseRoute(hash: string): Route {
  const [, view = '', rest = ''] = /^#\/([^/]*)\/?(.*)$/.exec(hash) ?? []
  const [first = '', second = ''] = rest.split('/').map((part) => decodeURIComponent(part))
  if (view === 'people') return { view: 'people' }
  if (view === 'me') return { view: 'me' }
  if (view === 'settings') return { view: 'settings' }
  if (view === 'import') return { view: 'import' }
  if (view === 'person' && first)
    return second ? { view: 'person', id: first, entry: second } : { view: 'person', id: first }
  if (view === 'brief' && first) return { view: 'brief', id: first }
  if (view === 'briefs' && first) return { view: 'briefs', ids: first.split(',').filter(Boolean) }
  if (view === 'interest' && rest) return { view: 'interest', label: decodeURIComponent(rest) }
  return { view: 'today' }
}

export function hrefOf(route: Route): string {
  if (route.view === 'person')
    return `#/person/${encodeURIComponent(route.id)}${route.entry ? `/${encodeURIComponent(route.entry)}` : ''}`
  if (route.view === 'brief') return `#/brief/${encodeURIComponent(route.id)}`
  if (route.view === 'briefs') return `#/briefs/${route.ids.map(encodeURIComponent).join(',')}`
  if (route.view === 'interest') return `#/interest/${encodeURIComponent(route.label)}`
  return `#/${route.view}`
}

export type Request = 'new-person' | 'log-conversation'

/** The brief for the people of a meeting: theirs alone for one, all of theirs for a group. */
export function briefRoute(ids: readonly string[]): Route {
  return ids.length === 1 ? { view: 'brief', id: ids[0]! } : { view: 'briefs', ids: [...ids] }
}

export class Nav {
  #route = $state<Route>(parseRoute(location.hash))
  #request = $state<Request | null>(null)

  /** An action asked for from a menu, for the view that can do it to pick up once. */
  get request(): Request | null {
    return this.#request
  }

  ask(request: Request): void {
    this.#request = request
  }

  /** True once for the view that handles `request`. */
  take(request: Request): boolean {
    if (this.#request !== request) return false
    this.#request = null
    return true
  }

  constructor() {
    // go() has set the route already: the hashchange it causes must not replace it with an equal one, which
    // would load every view twice (props such as `id` re-read the route).
    window.addEventListener('hashchange', () => {
      const route = parseRoute(location.hash)
      if (hrefOf(route) !== hrefOf(this.#route)) this.#route = route
    })
  }

  get route(): Route {
    return this.#route
  }

  go(route: Route): void {
    location.hash = hrefOf(route)
    this.#route = route
  }
}
