/**
 * The window's title names the view, as its heading does ("Marta Kowalczyk — Rapport"), so that the title a
 * screen reader and the task switcher read says where the user is. The heading is watched rather than set by
 * each view: a person's name arrives once their page has loaded, and changes when their profile is edited.
 */
import { viewHeading } from './focus.ts'

const APP_NAME = 'Rapport'

function titleOf(heading: HTMLElement | null): string {
  // A heading may carry a badge ("Archived") beside the name: data-title says which words are the title.
  const words = (heading?.dataset['title'] ?? heading?.textContent ?? '').trim().replace(/\s+/g, ' ')
  return words ? `${words} — ${APP_NAME}` : APP_NAME
}

/** Keeps document.title in step with the view's heading; returns the way to stop. */
export function watchTitle(root: HTMLElement): () => void {
  const update = () => {
    const title = titleOf(viewHeading())
    if (document.title !== title) document.title = title
  }
  update()
  const observer = new MutationObserver(update)
  observer.observe(root, { childList: true, subtree: true, characterData: true })
  return () => observer.disconnect()
}
