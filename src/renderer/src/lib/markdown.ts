/**
 * Conversation notes are Markdown. They are rendered without any raw HTML, then sanitised, and links keep
 * only http(s) targets, opening in the user's browser (the only links the window lets out).
 */
import DOMPurify from 'dompurify'
import { Marked } from 'marked'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const marked = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  // Raw HTML in a note is shown as text, never interpreted.
  renderer: { html: ({ text }) => escape(text) }
})

const purify = DOMPurify()
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  }
})

export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string
  return purify.sanitize(html, {
    ALLOWED_URI_REGEXP: /^https?:/i,
    FORBID_TAGS: ['style', 'img', 'iframe', 'form', 'input', 'button'],
    FORBID_ATTR: ['style']
  })
}
