import type { CollectionBeforeOperationHook } from 'payload'
import { Refused } from '../../../errors.ts'
import { inAdminLanguage } from '../../../adminLanguage.ts'

/**
 * Payload's own route (`POST /api/health-visitors/forgot-password`) sends its e-mail inside the
 * operation's transaction, so a slow mail server would hold SQLite's only writer, and every save
 * with it. A health visitor asks on her own page instead, which sends after the commit
 * (../passwordMail.ts calls the operation with disableEmail). The same answer for every address:
 * it tells nobody whether one has an account.
 */
export const ourPasswordLinkOnly: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'forgotPassword' || (args as { disableEmail?: boolean }).disableEmail) return args
  throw new Refused(
    inAdminLanguage(req, {
      da: 'En sundhedsplejerske beder om et nyt link på sin egen side: /api/referrals/refer?do=forgot',
      en: 'A health visitor asks for a new link on her own page: /api/referrals/refer?do=forgot',
    }),
    400,
  )
}
