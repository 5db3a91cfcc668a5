import type { CollectionBeforeChangeHook } from 'payload'
import { healthVisitorOf, municipalityIdOf, staffOf } from '../../../access/roles.ts'
import { Refused } from '../../../errors.ts'
import { relationId } from '../../../fields/relationId.ts'
import { inAdminLanguage } from '../../../adminLanguage.ts'

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(relationId(x))).sort() : [])

/**
 * A coordinator adds health visitors for her own municipality only; a health visitor may change
 * her name and password, never where she refers. Payload drops writes without field access
 * silently, so the refusal is made here, with the reason.
 */
export const ownMunicipalitiesOnly: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const changed = 'municipalities' in data && JSON.stringify(ids(data.municipalities)) !== JSON.stringify(ids(originalDoc?.municipalities))
  if (healthVisitorOf(req) && changed)
    throw new Refused(
      inAdminLanguage(req, {
        da: 'En sundhedsplejerske kan ikke ændre de kommuner, hun henviser for; det kan hendes koordinator.',
        en: 'A health visitor cannot change the municipalities she refers for; her coordinator can.',
      }),
      403,
    )
  const user = staffOf(req)
  if (user?.role !== 'coordinator' || !changed) return data
  const own = String(municipalityIdOf(user))
  if (ids(data.municipalities).some((m) => m !== own))
    throw new Refused(
      inAdminLanguage(req, {
        da: 'En koordinator opretter kun sundhedsplejersker for sin egen kommune; en administrator kan tilføje andre kommuner.',
        en: 'A coordinator adds health visitors for her own municipality only; an admin can add other municipalities.',
      }),
      403,
    )
  return data
}
