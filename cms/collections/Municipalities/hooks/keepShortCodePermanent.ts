import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

/** Printed QR codes live for years: once a short code is saved it may never change. */
export const keepShortCodePermanent: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc?.shortCode) return data
  if (data.shortCode !== undefined && data.shortCode !== originalDoc.shortCode) {
    throw new ValidationError({
      collection: 'municipalities',
      errors: [{ path: 'shortCode', message: `The short code ${originalDoc.shortCode} is printed on leaflets and can never change.` }],
      req,
    })
  }
  return data
}
