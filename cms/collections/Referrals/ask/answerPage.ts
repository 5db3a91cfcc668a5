/**
 * The CMS's own answer to a mother whose "call me" could not be taken: a small page in her
 * language (lang and dir), saying what to change, with her form again as she filled it in, so
 * nothing she typed is lost. Works without JavaScript, like the site's form.
 */
import { createHash } from 'node:crypto'
import { askFields, askLimits, askPath } from '../../../../content/ask.ts'
import { urls } from '../../../../content/urls.ts'
import { getLocale, type LocaleCode } from '../../../../locales/registry.ts'
import { askText, type AskKey } from './strings.ts'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const style = `body{font:1.125rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}main{max-width:36rem;margin:auto;padding:1rem}
.problem{border-inline-start:.4rem solid #b00020;padding:.5rem 1rem;background:#fdecee}label{display:block;margin:1rem 0 .25rem;font-weight:600}
input[type=tel],input[type=text]{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:2px solid #555;border-radius:.3rem}
.consent{display:flex;gap:.6rem;align-items:flex-start;font-weight:400}.consent input{width:1.6rem;height:1.6rem;flex:none}
button{font:inherit;font-weight:700;margin-top:1rem;padding:.8rem 1.4rem;border:0;border-radius:.4rem;background:#0b5e4a;color:#fff;min-height:3rem}
.hp{display:none}a{color:#0b4ea2}`
const styleHash = createHash('sha256').update(style).digest('base64')

/**
 * Only this page's style, and posts back to this endpoint; nothing else loads. Browsers apply
 * form-action to the redirect after a post too, so the site the thank-you page is on is named.
 */
export const answerHeaders = (site: string) => ({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${styleHash}'; form-action 'self' ${new URL(site).origin}; frame-ancestors 'none'; base-uri 'none'`,
  'referrer-policy': 'strict-origin',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
})

export interface AnswerPage {
  lang: LocaleCode
  problem: AskKey
  /** The group's own phone number, for the messages that offer it. */
  groupPhone?: string
  /** What she sent, to fill the form in again (never the honeypot). */
  sent: { phone?: string; firstName?: string; municipality?: string; consent?: boolean }
  site: string
}

export function answerPage(a: AnswerPage): string {
  const t = (key: AskKey, values?: Record<string, string | number>) => esc(askText(a.lang, key, values))
  const { dir } = getLocale(a.lang)
  const phone = a.groupPhone ? `<bdi dir="ltr">${esc(a.groupPhone)}</bdi>` : ''
  const message = t(a.problem, { phone: '\u0000' }).replace('\u0000', phone)
  const back = a.sent.municipality ? new URL(urls.municipality(a.lang, a.sent.municipality), a.site).href : new URL(urls.home(a.lang), a.site).href
  const privacy = new URL(urls.info(a.lang, 'privacy'), a.site).href
  const value = (v: string | undefined) => (v ? ` value="${esc(v)}"` : '')
  // A form with a place: without one (a tampered post) she is sent back to the site.
  const form = a.sent.municipality
    ? `<form method="post" action="${esc(`${askPath}?lang=${a.lang}`)}">
<input type="hidden" name="${askFields.language}" value="${esc(a.lang)}">
<input type="hidden" name="${askFields.municipality}" value="${esc(a.sent.municipality)}">
<label for="phone">${t('phone')}</label>
<input id="phone" name="${askFields.phone}" type="tel" inputmode="tel" autocomplete="tel" dir="ltr" required maxlength="${askLimits.phone}" aria-describedby="phone-hint"${value(a.sent.phone)}>
<p id="phone-hint">${t('phoneHint')}</p>
<label for="first-name">${t('firstName')}</label>
<input id="first-name" name="${askFields.firstName}" type="text" autocomplete="given-name" maxlength="${askLimits.firstName}"${value(a.sent.firstName)}>
<label class="consent"><input type="checkbox" name="${askFields.consent}" value="yes" required${a.sent.consent ? ' checked' : ''}> <span>${t('consent')}</span></label>
<div class="hp"><label>${t('leaveEmpty')} <input name="${askFields.honeypot}" tabindex="-1" autocomplete="off"></label></div>
<button type="submit">${t('tryAgain')}</button>
</form>`
    : ''
  return `<!doctype html>
<html lang="${a.lang}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('problemTitle')}</title><style>${style}</style></head>
<body><main>
<h1>${t('problemTitle')}</h1>
<p class="problem" role="alert">${message}</p>
${form}
<p><a href="${esc(privacy)}">${t('privacyLink')}</a></p>
<p><a href="${esc(back)}">${t('backToGroup')}</a></p>
</main></body></html>`
}
