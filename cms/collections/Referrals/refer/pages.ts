/**
 * The health visitor's pages, as HTML (page.ts): sign in; choose the mother's language; the
 * referral form with the consent in her language; and the status of her own referrals. Every
 * value is escaped here; the endpoint (endpoint.ts) decides which page and what it holds.
 */
import { askLimits } from '../../../../content/ask.ts'
import { getLocale, locales, type LocaleCode } from '../../../../locales/registry.ts'
import { askText } from '../ask/strings.ts'
import { esc, htmlPage } from '../page.ts'
import type { ReferralStatus } from '../statuses.ts'
import { referText, type ReferKey, type ReferLang } from './strings.ts'

export const referPath = '/api/referrals/refer'
export const referLimits = { callTime: 80, note: 500, babyAgeMonths: 36, bodyBytes: 8 * 1024 } as const

/** What a health visitor typed, to fill the form in again after a refusal. */
export interface ReferSent {
  language: LocaleCode
  firstName?: string
  phone?: string
  municipality?: string
  babyAgeMonths?: string
  callTime?: string
  interpreter?: boolean
  note?: string
  consent?: boolean
}

export interface Mine {
  createdAt: string
  language: string
  status: ReferralStatus
}

/** Each status's words, on her page and in the admin. */
export const statusKey: Record<ReferralStatus, ReferKey> = {
  new: 'statusNew',
  contacted: 'statusContacted',
  joined: 'statusJoined',
  waiting: 'statusWaiting',
  declined: 'statusDeclined',
  unreachable: 'statusUnreachable',
}

const link = (ui: ReferLang, params: Record<string, string> = {}) => esc(`${referPath}?${new URLSearchParams({ ...params, ui })}`)

function shell(ui: ReferLang, title: string, body: string, signedIn: boolean, here: Record<string, string> = {}): string {
  const other: ReferLang = ui === 'da' ? 'en' : 'da'
  const nav = `<nav><a href="${link(other, here)}" lang="${other}">${esc(referText(ui, 'switchUi'))}</a>${
    signedIn ? `<form method="post" action="${link(ui, {})}&amp;do=signout"><button type="submit">${esc(referText(ui, 'signOut'))}</button></form>` : ''
  }</nav>`
  return htmlPage({ lang: ui, dir: 'ltr', title, body: `${nav}\n${body}` })
}

export function signInPage(ui: ReferLang, problem?: 'wrongSignIn' | 'locked' | 'problemOrigin' | 'busySignIn', email = ''): string {
  const t = (k: ReferKey) => esc(referText(ui, k))
  return shell(
    ui,
    referText(ui, 'signInTitle'),
    `<h1>${t('signInTitle')}</h1>
${problem ? `<p class="problem" role="alert">${t(problem)}</p>` : ''}
<form method="post" action="${link(ui)}&amp;do=signin">
<label for="email">${t('email')}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${esc(email)}">
<label for="password">${t('password')}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${t('signIn')}</button>
</form>
<p class="muted">${t('signInIntro')}</p>
<p><a href="${link(ui, { do: 'forgot' })}">${t('forgot')}</a></p>`,
    false,
  )
}

/** How long the link of an invitation or a reset works: long enough for a week's rota, short for a key. */
export const passwordLinkDays = 3
export const minPasswordLength = 10

/** "Forgot your password, or new here?": her e-mail, and a link to choose a password is sent. */
export function forgotPage(ui: ReferLang, a: { sentTo?: string; problem?: 'problemOrigin' | 'busySignIn' | 'problemLinkExpired' } = {}): string {
  const t = (k: ReferKey, v: Record<string, string | number> = {}) => esc(referText(ui, k, v))
  return shell(
    ui,
    referText(ui, 'forgotTitle'),
    `<h1>${t('forgotTitle')}</h1>
${a.problem ? `<p class="problem" role="alert">${t(a.problem)}</p>` : ''}
${a.sentTo !== undefined ? `<p class="ok" role="status">${t('linkSent', { email: a.sentTo })}</p>` : ''}
<p>${t('forgotIntro', { days: passwordLinkDays })}</p>
<form method="post" action="${link(ui)}&amp;do=forgot">
<label for="email">${t('email')}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${esc(a.sentTo ?? '')}">
<button type="submit">${t('sendLink')}</button>
</form>
<p><a href="${link(ui)}">${t('signIn')}</a></p>`,
    false,
  )
}

/** From the e-mail's link: she chooses her password (the token travels in the form, not the URL she posts to). */
export function passwordPage(ui: ReferLang, token: string, problem?: 'problemPasswordShort' | 'problemPasswordDiffer' | 'problemOrigin' | 'busySignIn'): string {
  const t = (k: ReferKey, v: Record<string, string | number> = {}) => esc(referText(ui, k, v))
  return shell(
    ui,
    referText(ui, 'passwordTitle'),
    `<h1>${t('passwordTitle')}</h1>
${problem ? `<p class="problem" role="alert">${t(problem, { min: minPasswordLength })}</p>` : ''}
<form method="post" action="${link(ui)}&amp;do=password">
<input type="hidden" name="token" value="${esc(token)}">
<label for="new-password">${t('newPassword')}</label>
<input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="${minPasswordLength}" aria-describedby="password-hint">
<p id="password-hint" class="muted">${t('passwordIntro', { min: minPasswordLength })}</p>
<label for="repeat-password">${t('repeatPassword')}</label>
<input id="repeat-password" name="repeat" type="password" autocomplete="new-password" required minlength="${minPasswordLength}">
<button type="submit">${t('savePassword')}</button>
</form>`,
    false,
  )
}

function mineTable(ui: ReferLang, mine: Mine[]): string {
  const t = (k: ReferKey) => esc(referText(ui, k))
  const when = new Intl.DateTimeFormat(ui === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' })
  const rows = mine
    .map((m) => {
      const l = locales.find((x) => x.code === m.language)
      return `<tr><td>${esc(when.format(new Date(m.createdAt)))}</td><td><span lang="${esc(m.language)}" dir="${l?.dir ?? 'ltr'}">${esc(l?.endonym ?? m.language)}</span></td><td>${t(statusKey[m.status] ?? 'statusNew')}</td></tr>`
    })
    .join('\n')
  return `<h2 id="mine">${t('mine')}</h2>
<p class="muted">${t('mineIntro')}</p>
${mine.length ? `<table aria-labelledby="mine"><thead><tr><th scope="col">${t('when')}</th><th scope="col">${t('language')}</th><th scope="col">${t('status')}</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : `<p>${t('mineNone')}</p>`}`
}

/** The first step: her language, each by its own name (and the Danish one), big enough to tap. */
export function chooseLanguagePage(ui: ReferLang, mine: Mine[], sent?: string): string {
  const t = (k: ReferKey) => esc(referText(ui, k))
  const items = locales.map((l) => `<li><a href="${link(ui, { language: l.code })}"><span lang="${l.code}" dir="${l.dir}">${esc(l.endonym)}</span><small>${esc(l.name)}</small></a></li>`).join('\n')
  return shell(
    ui,
    referText(ui, 'title'),
    `${sent ? `<p class="ok" role="status">${esc(sent)}</p>` : ''}
<h1>${t('title')}</h1>
<h2 id="languages">${t('chooseLanguage')}</h2>
<p class="muted">${t('chooseLanguageHint')}</p>
<ul class="languages" aria-labelledby="languages">
${items}
</ul>
${mineTable(ui, mine)}`,
    true,
  )
}

/** The form, with the consent in her language (and in Danish for the health visitor). */
export function referFormPage(a: { ui: ReferLang; sent: ReferSent; municipalities: Array<{ id: string; name: string }>; problem?: ReferKey }): string {
  const { ui, sent } = a
  const t = (k: ReferKey) => esc(referText(ui, k))
  const her = getLocale(sent.language)
  const value = (v: string | undefined) => (v ? ` value="${esc(v)}"` : '')
  const consentHers = askText(sent.language, 'consent')
  const consentDa = askText('da', 'consent')
  const place =
    a.municipalities.length === 1
      ? `<input type="hidden" name="municipality" value="${esc(a.municipalities[0]!.id)}">`
      : `<label for="municipality">${t('municipality')}</label>
<select id="municipality" name="municipality" required>${a.municipalities.map((m) => `<option value="${esc(m.id)}"${sent.municipality === m.id ? ' selected' : ''}>${esc(m.name)}</option>`).join('')}</select>`
  return shell(
    ui,
    referText(ui, 'title'),
    `<h1>${t('title')}</h1>
${a.problem ? `<p class="problem" role="alert">${t(a.problem)}</p>` : ''}
<p>${t('language')}: <strong lang="${her.code}" dir="${her.dir}">${esc(her.endonym)}</strong> · <a href="${link(ui)}">${t('otherLanguage')}</a></p>
<section class="said" aria-labelledby="consent-heading">
<h2 id="consent-heading">${t('consentFor')}</h2>
<p lang="${her.code}" dir="${her.dir}">${esc(consentHers)}</p>
${sent.language === 'da' ? '' : `<p class="muted"><span>${t('consentDanish')}:</span> <span lang="da">${esc(consentDa)}</span></p>`}
</section>
<form method="post" action="${link(ui)}">
<input type="hidden" name="language" value="${her.code}">
${place}
<label for="first-name">${t('firstName')}</label>
<input id="first-name" name="firstName" type="text" autocomplete="off" required maxlength="${askLimits.firstName}"${value(sent.firstName)}>
<label for="phone">${t('phone')}</label>
<input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="off" dir="ltr" required maxlength="${askLimits.phone}" aria-describedby="phone-hint"${value(sent.phone)}>
<p id="phone-hint" class="muted">${t('phoneHint')}</p>
<label for="baby-age">${t('babyAge')}</label>
<input id="baby-age" name="babyAgeMonths" type="number" inputmode="numeric" min="0" max="${referLimits.babyAgeMonths}" step="1"${value(sent.babyAgeMonths)}>
<label for="call-time">${t('callTime')}</label>
<input id="call-time" name="callTime" type="text" autocomplete="off" maxlength="${referLimits.callTime}"${value(sent.callTime)}>
<label class="consent"><input type="checkbox" name="interpreter" value="yes"${sent.interpreter ? ' checked' : ''}> <span>${t('interpreter')}</span></label>
<label for="note">${t('note')}</label>
<textarea id="note" name="note" rows="3" maxlength="${referLimits.note}" aria-describedby="note-hint">${esc(sent.note ?? '')}</textarea>
<p id="note-hint" class="muted">${t('noteHint')}</p>
<label class="consent"><input type="checkbox" name="consent" value="yes" required${sent.consent ? ' checked' : ''}> <span>${t('confirm')}</span></label>
<button type="submit">${t('send')}</button>
</form>`,
    true,
    { language: her.code },
  )
}
