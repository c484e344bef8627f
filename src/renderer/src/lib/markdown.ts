/**
 * Conversation notes are Markdown. They are rendered without any raw HTML, then sanitised, and links keep
 * only http(s) targets, opening in the user's browser (the only links the window lets out). A note's headings
 * sit below the heading of the place it is shown in, so the page's outline stays true.
 */
import DOMPurify from 'dompurify'
import { Marked } from 'marked'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The level of the heading a note is shown under (the month, h3, in a person's timeline). */
let under = 3

const marked = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    // Raw HTML in a note is shown as text, never interpreted.
    html: ({ text }) => escape(text),
    heading({ tokens, depth }) {
      const level = Math.min(6, under + depth)
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`
    }
  }
})

const purify = DOMPurify()
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank')
    node.setAttribute('rel', 'noopener noreferrer')
  }
})

/** `below` is the level of the heading the note is shown under: a note's `#` becomes the next level down. */
export function renderMarkdown(source: string, below = 3): string {
  under = below
  const html = marked.parse(source) as string
  return purify.sanitize(html, {
    ALLOWED_URI_REGEXP: /^https?:/i,
    FORBID_TAGS: ['style', 'img', 'iframe', 'form', 'input', 'button'],
    FORBID_ATTR: ['style']
  })
}
