import type { CollectionBeforeChangeHook } from 'payload'
import { healthVisitorOf, municipalitiesOf } from '../../../access/roles.ts'
import { Refused } from '../../../errors.ts'
import { relationId } from '../../../fields/relationId.ts'
import { inAdminLanguage } from '../../../adminLanguage.ts'

/**
 * A health visitor's referral is hers (referredBy, source) and for one of her municipalities;
 * whatever the request says otherwise is refused or set, never trusted.
 */
export const healthVisitorReferral: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const hv = healthVisitorOf(req)
  if (!hv) {
    // Only a health visitor's own referral names her: nobody files one in her name.
    if (operation === 'create') data.referredBy = null
    else delete data.referredBy
    return data
  }
  const target = String(relationId(data.municipality))
  if (!municipalitiesOf(hv).some((m) => String(m) === target))
    throw new Refused(inAdminLanguage(req, { da: 'En sundhedsplejerske henviser kun mødre i sine egne kommuner.', en: 'A health visitor refers mothers for her own municipalities only.' }), 403)
  data.referredBy = hv.id
  data.source = 'health-visitor'
  data.status = 'new'
  return data
}
