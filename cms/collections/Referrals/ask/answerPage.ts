/**
 * The CMS's own answer to a mother whose "call me" could not be taken: a small page in her
 * language (lang and dir), saying what to change, with her form again as she filled it in, so
 * nothing she typed is lost. Works without JavaScript, like the site's form.
 */
import { askFields, askLimits, askPath } from '../../../../content/ask.ts'
import { urls } from '../../../../content/urls.ts'
import { getLocale, type LocaleCode } from '../../../../locales/registry.ts'
import { esc, htmlPage, pageHeaders } from '../page.ts'
import { askText, type AskKey } from './strings.ts'

/** Posts back to this endpoint; the site the thank-you page is on is named too (a redirect after a post counts). */
export const answerHeaders = (site: string) => pageHeaders([site])

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
  return htmlPage({
    lang: a.lang,
    dir,
    title: askText(a.lang, 'problemTitle'),
    body: `<h1>${t('problemTitle')}</h1>
<p class="problem" role="alert">${message}</p>
${form}
<p><a href="${esc(privacy)}">${t('privacyLink')}</a></p>
<p><a href="${esc(back)}">${t('backToGroup')}</a></p>`,
  })
}
