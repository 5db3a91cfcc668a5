import type { CollectionBeforeChangeHook } from 'payload'
import { municipalityIdOf, staffOf } from '../../../access/roles.ts'
import { Refused } from '../../../errors.ts'
import { relationId } from '../../../fields/relationId.ts'
import { inAdminLanguage } from '../../../adminLanguage.ts'

/** A coordinator files and moves referrals of her own municipality only (an admin any). */
export const ownMunicipalityOnly: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const user = staffOf(req)
  if (user?.role !== 'coordinator') return data
  const own = municipalityIdOf(user)
  const target = relationId(data.municipality ?? originalDoc?.municipality)
  if (own === null || String(target) !== String(own))
    throw new Refused(
      inAdminLanguage(req, {
        da: 'En koordinator registrerer kun henvisninger i sin egen kommune; en administrator kan flytte en til en anden kommune.',
        en: 'A coordinator files referrals for her own municipality only; an admin can move one to another municipality.',
      }),
      403,
    )
  return data
}
