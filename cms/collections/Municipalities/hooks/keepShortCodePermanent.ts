import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { inAdminLanguage } from '../../../adminLanguage.ts'

/** Printed QR codes live for years: once a short code is saved it may never change. */
export const keepShortCodePermanent: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc?.shortCode) return data
  if (data.shortCode !== undefined && data.shortCode !== originalDoc.shortCode) {
    throw new ValidationError({
      collection: 'municipalities',
      errors: [
        {
          path: 'shortCode',
          message: inAdminLanguage(req, {
            da: `Den korte kode ${originalDoc.shortCode} er trykt på foldere og kan aldrig ændres.`,
            en: `The short code ${originalDoc.shortCode} is printed on leaflets and can never change.`,
          }),
        },
      ],
      req,
    })
  }
  return data
}
