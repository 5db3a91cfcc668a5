/**
 * A mother's own "call me": the form the public site shows on her landing page and the CMS's
 * public endpoint that takes it. Both sides import this contract; it knows neither of them.
 */

/** Where the form posts, on the CMS's address (the site's configuration says which). */
export const askPath = '/api/referrals/ask'

/** The form's field names. `website` is the honeypot: hidden from people, filled by bots. */
export const askFields = { phone: 'phone', firstName: 'firstName', language: 'language', municipality: 'municipality', consent: 'consent', honeypot: 'website' } as const

export const askLimits = {
  firstName: 60,
  phone: 30,
  /** The whole form is a few hundred bytes; anything much larger is not our form. */
  bodyBytes: 4 * 1024,
} as const

/** What the thank-you page promises: someone calls within this many working days. */
export const callWithinWorkingDays = 3

const phonePattern = /^\+?[0-9][0-9 ()-]{6,18}[0-9]$/

/** A phone number as people write it: 8 digits (Danish), or + and a country code; spaces, dashes and brackets allowed. */
export function isPhoneNumber(value: string): boolean {
  const v = value.trim()
  const digits = v.replace(/\D/g, '').length
  return phonePattern.test(v) && digits >= 8 && digits <= 15
}

/** One key for one number however it is written: its digits, a Danish number without +45 or 0045. */
export function phoneKey(value: string): string {
  const digits = value.replace(/\D/g, '').replace(/^00/, '')
  return digits.length === 10 && digits.startsWith('45') ? digits.slice(2) : digits
}
