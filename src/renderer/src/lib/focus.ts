/**
 * Where the keyboard focus goes when what had it leaves the page, so that a keyboard or screen-reader user
 * never finds themself back on <body> (issue 21). Three rules, in this order:
 * 1. A request: something the app knows will appear (a new view's heading, an item put back by Undo, the
 *    opener of a form that closed) is focused once it is on the page, unless the user has moved on meanwhile.
 * 2. Otherwise, when the focused element is removed (a follow-up marked done, a row deleted), the focus goes
 *    to what now stands in its place: the item at the same place in its list, else its section's heading,
 *    else the view's heading.
 * 3. Nothing else moves the focus: a user who is somewhere keeps their place.
 */

/** Where an element stood: its list item and index, and the lists and sections around it, innermost first. */
export interface Place {
  /** The control's name and visible words, to find its twin in the item now standing there (next row's "Done"). */
  name: string
  text: string
  index: number
  around: Element[]
}

interface Request {
  find: () => HTMLElement | null
  /** The element focused when the request was made; the focus moves only if it is still there, or lost. */
  from: Element | null
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

let request: Request | null = null
let last: { element: Element; place: Place } | null = null

/** The visible name a control is known by (its aria-label, else its text). */
function nameOf(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ')
}

/** Focus sits on the page itself: what had it was removed, or a dialog it was in closed. */
function lost(): boolean {
  const active = document.activeElement
  return !active || active === document.body || !active.isConnected || active.closest('dialog:not([open])') !== null
}

/** Focuses `element`; a heading or list item, not focusable by nature, takes the focus from script only. */
export function focusOn(element: HTMLElement, preventScroll = false): void {
  if (!element.matches(FOCUSABLE) && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1')
  element.focus({ preventScroll })
}

/** An attachment: the element takes the focus as it appears (the Keep of a question, an import's next step). */
export function takeFocus(element: HTMLElement): void {
  focusOn(element)
}

/** The view's own heading: the h1 inside <main>. */
export function viewHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main h1')
}

/** The heading that names a section or region (its aria-labelledby target, else its first heading). */
function headingOf(section: Element): HTMLElement | null {
  const id = section.getAttribute('aria-labelledby')
  const named = id ? document.getElementById(id.split(' ')[0]!) : null
  return named ?? section.querySelector<HTMLElement>('h1, h2, h3, h4')
}

/**
 * After a move to another view: its heading takes the focus once it has loaded, or, when arriving at an
 * entry from search, the entry found.
 */
export function focusView(entry?: string): void {
  // A delete that left the view (a person's) put the focus on its toast's Undo: it stays there.
  if (document.activeElement?.closest('.toast')) return
  focusWhenShown(() => {
    const heading = viewHeading()
    return heading && entry ? (document.querySelector<HTMLElement>('main .found') ?? heading) : heading
  })
}

export function placeOf(element: Element): Place {
  const item = element.closest('li')
  const list = item?.parentElement ?? null
  const around: Element[] = []
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
    if (node.matches('ul, ol, section, [role="region"], article, form, main')) around.push(node)
  }
  const text = (element.textContent ?? '').trim()
  return { name: nameOf(element), text, index: item && list ? [...list.children].indexOf(item) : -1, around }
}

/** What now stands at `place`: the twin control of the item in its list, else the heading of its section. */
export function atPlace(place: Place): HTMLElement | null {
  for (const container of place.around) {
    if (!container.isConnected) continue
    if (container.matches('ul, ol') && place.index >= 0) {
      const items = [...container.children].filter((child) => child.matches('li:not([aria-hidden="true"])'))
      const item = items[Math.min(place.index, items.length - 1)]
      if (!item) continue
      const controls = [...item.querySelectorAll<HTMLElement>(FOCUSABLE)]
      const twin =
        controls.find((control) => nameOf(control) === place.name) ??
        controls.find((control) => place.text !== '' && (control.textContent ?? '').trim() === place.text)
      return twin ?? controls[0] ?? (item as HTMLElement)
    }
    if (container.matches('main')) return viewHeading()
    const heading = container.matches('section, [role="region"], article') ? headingOf(container) : null
    if (heading) return heading
  }
  return viewHeading()
}

/**
 * Focuses what `find` returns once it is on the page (now, or after the views reload), unless the user moved
 * the focus elsewhere meanwhile. A newer request replaces an older one.
 */
export function focusWhenShown(find: () => HTMLElement | null, preventScroll = false): void {
  request = { find, from: document.activeElement }
  settle(preventScroll)
}

function settle(preventScroll = false): void {
  if (request) {
    const moved = !lost() && document.activeElement !== request.from
    if (moved) {
      request = null
    } else {
      const target = request.find()
      if (target) {
        request = null
        focusOn(target, preventScroll)
      }
      return
    }
  }
  // The focused element left the page: its place takes the focus, without scrolling the user away.
  if (last && lost() && !last.element.isConnected) {
    const target = atPlace(last.place)
    last = null
    if (target) focusOn(target, true)
  }
}

/**
 * Starts watching the page: remembers where the focus is, and settles requests and lost focus after every
 * change of the page. Called once by App; returns the way to stop.
 */
export function watchFocus(root: HTMLElement): () => void {
  const onfocusin = (event: FocusEvent) => {
    const target = event.target
    // A row of a virtual list leaves the page as it scrolls away: that is not the user's doing.
    if (target instanceof Element && !target.closest('.virtual')) last = { element: target, place: placeOf(target) }
  }
  const observer = new MutationObserver(() => settle())
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled', 'open', 'hidden']
  })
  root.addEventListener('focusin', onfocusin)
  return () => {
    observer.disconnect()
    root.removeEventListener('focusin', onfocusin)
    request = null
    last = null
  }
}

/** The control in the view known by `name` (the Edit button of the row a form replaced and put back). */
export function controlNamed(name: string): HTMLElement | null {
  if (!name) return null
  const controls = document.querySelectorAll<HTMLElement>(`main :is(${FOCUSABLE})`)
  return [...controls].find((control) => nameOf(control) === name) ?? null
}

/**
 * A form opened in place: its first field takes the focus (unless one of its fields already has it), and when
 * it closes (saved or Esc) the focus goes back to the control that opened it, or that control's twin, or the
 * heading of the section the form was in.
 */
export function formFocus(form: HTMLFormElement): () => void {
  // The control clicked may already be gone (replaced by the form): then the last one focused is the opener.
  const active = document.activeElement === document.body ? last?.element : document.activeElement
  const opener = active instanceof HTMLElement && !form.contains(active) ? active : null
  const place = placeOf(form)
  if (!form.contains(document.activeElement)) {
    form.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), textarea, select')?.focus()
  }
  return () => {
    // Only a form that has the focus gives it back: one closed by a save elsewhere leaves the user be.
    if (!form.contains(document.activeElement) && !lost()) return
    focusWhenShown(() => {
      if (!opener || opener === document.body) return atPlace(place)
      // An opener disabled while its form was open (Add person) is waited for until it is enabled again.
      if (opener.isConnected) return opener.matches(':disabled') ? null : opener
      return controlNamed(nameOf(opener)) ?? atPlace(place)
    })
  }
}
