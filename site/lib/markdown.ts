/**
 * Guide bodies (Markdown from content/) to HTML. Raw HTML in the Markdown is escaped, never
 * passed through: the CMS editor cannot produce it, and a hand-edited file must not inject it.
 */
import { Marked } from 'marked'

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return escape(text)
    },
  },
})

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false })
}
