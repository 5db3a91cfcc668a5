/**
 * On the admin's dashboard: the referrals not contacted within the promised working days, per
 * municipality, each a link to that inbox's overdue referrals. Shown to whoever may read
 * referrals (the admins, a municipality's coordinators); nothing for anyone else.
 */
import type { Payload } from 'payload'
import { callWithinWorkingDays } from '../../content/ask.ts'
import { overdueReferrals, type Overdue } from '../collections/Referrals/overdue.ts'
import { adminLanguageOf } from '../adminLanguage.ts'

const say = (lang: string, o: Overdue) =>
  lang === 'da'
    ? `${o.count} ${o.count === 1 ? 'henvisning' : 'henvisninger'} i ${o.municipality.name} er ikke kontaktet inden for ${callWithinWorkingDays} arbejdsdage`
    : `${o.count} ${o.count === 1 ? 'referral' : 'referrals'} in ${o.municipality.name} not contacted within ${callWithinWorkingDays} working days`

export async function OverdueReferrals({ payload, user, i18n }: { payload: Payload; user?: unknown; i18n?: { language?: string } }) {
  if (!user) return null
  let overdue: Overdue[]
  try {
    overdue = await overdueReferrals(payload, user)
  } catch {
    // No read access to referrals (an editor, a translator): nothing to flag.
    return null
  }
  if (!overdue.length) return null
  const lang = adminLanguageOf(i18n)
  return (
    <section aria-labelledby="overdue-heading" style={{ border: '2px solid #b00020', borderRadius: 4, padding: '0.75rem 1rem', marginBottom: '1.5rem' }}>
      <h2 id="overdue-heading" style={{ margin: 0, fontSize: '1.1rem' }}>
        {lang === 'da' ? 'Henvisninger, der venter på et opkald' : 'Referrals waiting for a call'}
      </h2>
      <ul style={{ margin: '0.5rem 0 0', paddingInlineStart: '1.2rem' }}>
        {overdue.map((o) => (
          <li key={String(o.municipality.id)}>
            <a href={o.inbox}>{say(lang, o)}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}
