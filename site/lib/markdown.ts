/**
 * Guide bodies (Markdown from content/) to HTML. Raw HTML in the Markdown is escaped, never
 * passed through: the CMS editor cannot produce it, and a hand-edited file must not inject it.
 * Links and images follow the content schema's link rule again here (content/schema/links.ts):
 * a target it refuses is written as its text, and every target is written as the browser will
 * read it, fully escaped, so what was checked is what the browser follows.
 */
import { Marked } from 'marked'
import { imageProblem, linkProblem, normalizedTarget } from '../../content/schema/links.ts'
import { escapeHtml } from './html.ts'

const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return escapeHtml(text)
    },
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens)
      if (linkProblem(href)) return text
      const target = normalizedTarget(href)
      // Another site learns nothing of which guide a mother read.
      const rel = /^https?:/i.test(target) ? ' rel="noreferrer"' : ''
      return `<a href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ''}${rel}>${text}</a>`
    },
    image({ href, title, text }) {
      if (imageProblem(href)) return escapeHtml(text)
      return `<img src="${escapeHtml(normalizedTarget(href))}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy">`
    },
  },
})

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false })
}
