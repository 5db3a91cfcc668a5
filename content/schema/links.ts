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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these from a URL, so must we
  return decodeHTML(href).replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
}

const siteRelative = (t: string) => (t.startsWith('/') && !t.startsWith('//') && !t.startsWith('/\\')) || t.startsWith('#')

/** A WhatsApp group's invite: whoever has it joins the group. */
const groupInvite = /^https?:\/\/chat\.whatsapp\.com\//i

const inviteMessage = (url: string) =>
  `"${url}" is a WhatsApp group's invite link, which must never be public: anyone who has it joins a group of vulnerable women. A mother is added to the group after she has said yes`

export function linkProblem(href: string): string | null {
  const t = normalizedTarget(href)
  if (groupInvite.test(t)) return inviteMessage(href)
  if (siteRelative(t) || /^(https?:\/\/[^/\\]|mailto:|tel:)/i.test(t)) return null
  return `the link "${href}" is not allowed: links go to http(s), mailto: or tel: addresses, or to a page of the site (/…)`
}

export function imageProblem(src: string): string | null {
  const t = normalizedTarget(src)
  if (t.startsWith('/') && !t.startsWith('//') && !t.startsWith('/\\')) return null
  return `the image "${src}" is not allowed: images come from the site itself (/…); a public page loads nothing from other hosts`
}

/**
 * The municipality's WhatsApp contact: a chat with its shared number (https://wa.me/<the number's
 * digits>), never the group itself.
 */
export function whatsappProblem(url: string, phone: string | undefined): string | null {
  if (groupInvite.test(normalizedTarget(url))) return `${inviteMessage(url)}; link a chat with the shared number instead (https://wa.me/<its digits>)`
  const m = /^https:\/\/wa\.me\/(\d{8,15})$/.exec(url)
  if (!m) return "must be a chat with the shared number: https://wa.me/ and the number's digits, e.g. https://wa.me/4512345678"
  if (phone && m[1] !== phone.replace(/^\+/, '')) return `must chat with the shared number ${phone} (https://wa.me/${phone.replace(/^\+/, '')}), not another one`
  return null
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
