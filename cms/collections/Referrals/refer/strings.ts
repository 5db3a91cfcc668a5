/**
 * The health visitor's pages in Danish (her working language) and English. Typed: every key in
 * both, checked by the compiler.
 */
export type ReferLang = 'da' | 'en'

const da = {
  title: 'Henvis en mor til mødregruppen',
  signInTitle: 'Log ind som sundhedsplejerske',
  signInIntro: 'Du forbliver logget ind på denne enhed i 90 dage.',
  email: 'E-mail',
  password: 'Adgangskode',
  signIn: 'Log ind',
  signOut: 'Log ud',
  wrongSignIn: 'E-mail eller adgangskode er forkert.',
  locked: 'Kontoen er låst efter for mange forsøg. Prøv igen om 10 minutter, eller spørg din koordinator.',
  chooseLanguage: 'Hvilket sprog taler moren?',
  chooseLanguageHint: 'Vælg hendes sprog; så vises samtykket på hendes sprog, så hun kan læse det.',
  otherLanguage: 'Skift sprog',
  consentFor: 'Samtykke: vis hende dette, eller læs det op',
  consentDanish: 'På dansk',
  firstName: 'Morens fornavn',
  phone: 'Telefonnummer',
  phoneHint: '8 cifre, eller + og landekode',
  municipality: 'Kommune',
  babyAge: 'Barnets alder i måneder (valgfrit)',
  callTime: 'Et godt tidspunkt at ringe (valgfrit)',
  interpreter: 'Der er brug for tolk',
  note: 'Kort note (valgfrit)',
  noteHint: 'Kun det gruppen har brug for for at ringe. Ingen helbredsoplysninger.',
  confirm: 'Moren har sagt ja til, at mødregruppen må ringe til hende',
  send: 'Send henvisningen',
  sent: 'Tak. Henvisningen er sendt til mødregruppen i {{municipality}}. Gruppen ringer til hende inden for {{days}} arbejdsdage.',
  referAnother: 'Henvis en mor mere',
  mine: 'Dine henvisninger',
  mineIntro: 'Kun status: navn og nummer ser gruppen, ikke du, når henvisningen er sendt.',
  mineNone: 'Du har ingen henvisninger endnu.',
  when: 'Sendt',
  language: 'Sprog',
  status: 'Status',
  problem: 'Henvisningen er ikke sendt',
  problemPhone: 'Telefonnummeret ser ikke rigtigt ud: 8 cifre, eller + og landekode.',
  problemFirstName: 'Skriv morens fornavn (højst 60 tegn).',
  problemConfirm: 'Sæt kryds, når moren har sagt ja.',
  problemMunicipality: 'Vælg en af dine kommuner.',
  problemBabyAge: 'Barnets alder skal være et helt antal måneder fra 0 til 36.',
  problemTooLong: 'Noten eller tidspunktet er for langt.',
  problemOrigin: 'Formularen kom ikke fra denne side. Åbn siden igen og send derfra.',
  problemGone: 'Henvisningen kunne ikke gemmes lige nu. Prøv igen om lidt; intet er gemt.',
  statusNew: 'Ny',
  statusContacted: 'Kontaktet',
  statusJoined: 'Startet i gruppen',
  statusWaiting: 'Venter på næste hold',
  statusDeclined: 'Takkede nej',
  statusUnreachable: 'Kunne ikke træffes',
  switchUi: 'English',
}

export type ReferKey = keyof typeof da

const en: Record<ReferKey, string> = {
  title: 'Refer a mother to the mother group',
  signInTitle: 'Sign in as a health visitor',
  signInIntro: 'You stay signed in on this device for 90 days.',
  email: 'E-mail',
  password: 'Password',
  signIn: 'Sign in',
  signOut: 'Sign out',
  wrongSignIn: 'The e-mail or password is wrong.',
  locked: 'The account is locked after too many tries. Try again in 10 minutes, or ask your coordinator.',
  chooseLanguage: 'Which language does the mother speak?',
  chooseLanguageHint: 'Choose her language; the consent is then shown in it, so she can read it.',
  otherLanguage: 'Change language',
  consentFor: 'Consent: show her this, or read it aloud',
  consentDanish: 'In Danish',
  firstName: "The mother's first name",
  phone: 'Phone number',
  phoneHint: '8 digits, or + and the country code',
  municipality: 'Municipality',
  babyAge: "The baby's age in months (optional)",
  callTime: 'A good time to call (optional)',
  interpreter: 'An interpreter is needed',
  note: 'Short note (optional)',
  noteHint: 'Only what the group needs to call her. No health information.',
  confirm: 'The mother has said yes to the mother group calling her',
  send: 'Send the referral',
  sent: 'Thank you. The referral has gone to the mother group in {{municipality}}. The group calls her within {{days}} working days.',
  referAnother: 'Refer another mother',
  mine: 'Your referrals',
  mineIntro: 'Status only: once sent, the name and number are for the group, not for you.',
  mineNone: 'You have no referrals yet.',
  when: 'Sent',
  language: 'Language',
  status: 'Status',
  problem: 'The referral was not sent',
  problemPhone: 'The phone number does not look right: 8 digits, or + and the country code.',
  problemFirstName: "Write the mother's first name (at most 60 characters).",
  problemConfirm: 'Tick the box once the mother has said yes.',
  problemMunicipality: 'Choose one of your municipalities.',
  problemBabyAge: "The baby's age must be a whole number of months from 0 to 36.",
  problemTooLong: 'The note or the time is too long.',
  problemOrigin: 'The form did not come from this page. Open the page again and send from there.',
  problemGone: 'The referral could not be saved just now. Try again in a moment; nothing was saved.',
  statusNew: 'New',
  statusContacted: 'Contacted',
  statusJoined: 'Joined the group',
  statusWaiting: 'Waiting for the next round',
  statusDeclined: 'Declined',
  statusUnreachable: 'Could not be reached',
  switchUi: 'Dansk',
}

const strings: Record<ReferLang, Record<ReferKey, string>> = { da, en }

export const referText = (lang: ReferLang, key: ReferKey, values: Record<string, string | number> = {}): string =>
  strings[lang][key].replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? ''))

/** Danish unless she asked for English (?ui=en), or her browser prefers English to Danish. */
export function referLang(ui: string | null, acceptLanguage: string | null): ReferLang {
  if (ui === 'da' || ui === 'en') return ui
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'da'
}
