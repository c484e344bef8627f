import type { Action } from 'svelte/action'
import { formFocus } from './focus.ts'

interface FormKeys {
  /** May be async: the form shows its own progress and errors, so nothing here waits for it. */
  onsave: () => unknown
  oncancel: () => void
}

/**
 * Ctrl/Cmd+Enter saves and Esc cancels, anywhere inside the form. The form takes the focus on opening and
 * gives it back to its opener on closing (lib/focus.ts).
 */
export const formKeys: Action<HTMLFormElement, FormKeys> = (node, initial) => {
  let handlers = initial
  const release = formFocus(node)
  const onkeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void handlers.onsave()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      handlers.oncancel()
    }
  }
  node.addEventListener('keydown', onkeydown)
  return {
    update: (next) => (handlers = next),
    destroy: () => {
      node.removeEventListener('keydown', onkeydown)
      release()
    }
  }
}
