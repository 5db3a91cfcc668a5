/**
 * Which link and image targets a text may hold: the one rule the content schema checks at load and
 * at save, and the guide renderer applies again when it writes HTML.
 *
 * A link may go to http(s), mailto: or tel:, or stay on the site (/…, #…). Anything else
 * (javascript:, data:, vbscript:, a protocol-relative //host) is refused, also when written with
 * character references (jav&#x61;script:), mixed case or control characters, because the
 * browser reads it after decoding those. An image must come from the site itself: a public page
 * loads nothing from another host.
 */
import { decodeHTML } from 'entities'
import { Lexer, type Token, type Tokens } from 'marked'

/** The target as the browser will read it: references decoded, whitespace and controls gone. */
export function normalizedTarget(href: string): string {
  // eslint-disable-next-line no-control-regex
  return decodeHTML(href).replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
}

const siteRelative = (t: string) => (t.startsWith('/') && !t.startsWith('//') && !t.startsWith('/\\')) || t.startsWith('#')

export function linkProblem(href: string): string | null {
  const t = normalizedTarget(href)
  if (siteRelative(t) || /^(https?:\/\/[^/\\]|mailto:|tel:)/i.test(t)) return null
  return `the link "${href}" is not allowed: links go to http(s), mailto: or tel: addresses, or to a page of the site (/…)`
}

export function imageProblem(src: string): string | null {
  const t = normalizedTarget(src)
  if (t.startsWith('/') && !t.startsWith('//') && !t.startsWith('/\\')) return null
  return `the image "${src}" is not allowed: images come from the site itself (/…); a public page loads nothing from other hosts`
}

/** Every disallowed link or image in a Markdown text (inline, reference and autolinks alike). */
export function markdownLinkProblems(markdown: string): string[] {
  const problems: string[] = []
  const tokens = new Lexer({ gfm: true }).lex(markdown)
  const walk = (list: Token[]) => {
    for (const t of list) {
      if (t.type === 'link') {
        const p = linkProblem((t as Tokens.Link).href)
        if (p) problems.push(p)
      } else if (t.type === 'image') {
        const p = imageProblem((t as Tokens.Image).href)
        if (p) problems.push(p)
      }
      const children = (t as { tokens?: Token[] }).tokens
      if (children) walk(children)
      if (t.type === 'list') for (const item of (t as Tokens.List).items) walk(item.tokens)
      if (t.type === 'table') for (const cell of [...(t as Tokens.Table).header, ...(t as Tokens.Table).rows.flat()]) walk(cell.tokens)
    }
  }
  walk(tokens)
  return problems
}
