import type { AfterErrorHook } from 'payload'

/**
 * Payload's error formatter knows its errors by class (`instanceof ValidationError`). In the
 * admin's production bundle the errors our hooks throw come from another copy of those classes,
 * so the formatter kept only the headline ("The following field is invalid: organisation") and
 * dropped the field errors: the form could not mark the field or say why. Put them back, by shape,
 * for public refusals only (a status below 500 with field errors attached).
 */
export const keepFieldErrors: AfterErrorHook = ({ error, result }) => {
  const { status, data, name } = error as Error & { status?: number; data?: { errors?: unknown } }
  if (!result || !status || status >= 500 || !Array.isArray(data?.errors)) return
  if (result.errors.some((e) => e.data)) return
  return { response: { ...result, errors: [{ name, data, message: error.message }] } }
}
