import type { AfterErrorHook } from 'payload'
import { machineFault, type MachineFault } from '../../system/machine-faults.ts'
import { reconnectSqlite } from '../database.ts'
import { outsideHerLanguages } from '../access/herLanguages.ts'

/** The multipart parser's errors (Payload's and busboy's): the request is at fault, not the server. */
const brokenForm = /^(Request is not eligible for file upload|Multipart: Boundary not found|Malformed part header|Malformed content type|Missing Content-Type|Unexpected end of (form|file))$/

const afterFault: Record<MachineFault['kind'], string> = {
  'disk-full': 'Nothing was saved; tell whoever runs the server, then save again.',
  'read-only': 'Nothing was saved; tell whoever runs the server, then save again.',
  'database-busy': 'Nothing was saved; save again in a moment.',
}

/**
 * What an editor is told when a request is refused, as the production admin answers it.
 *   - Payload's error formatter knows its errors by class (`instanceof ValidationError`); in the
 *     admin's production bundle the errors our hooks throw come from another copy of the classes,
 *     so it kept only the headline ("The following field is invalid: organisation") and dropped the
 *     field errors: the form could not mark the field or say why. They are put back, by shape.
 *   - A refusal below 500 whose class name the minified build lost read "An unknown error
 *     occurred." (malformed JSON, for one): its own message is kept.
 *   - A body that is not the form upload it claims to be (no boundary, cut off, fields that are
 *     not JSON) failed in Payload's parser as a 500; it is the sender's error: 400, saying so.
 *   - A save the machine could not do (a full disk, a database another program holds) was "An
 *     unknown error occurred." (500): it says what happened and that nothing was saved. After a
 *     busy SQLite database the connection is replaced (see reconnectSqlite).
 *   - A translator's write in a language that is not hers was Payload's "not allowed": it names
 *     the language, hers, and who can add one (../access/herLanguages.ts).
 */
export const explainRefusals: AfterErrorHook = async ({ error, result, req, collection }) => {
  if (!result) return
  const fault = machineFault(error)
  if (fault?.kind === 'database-busy') await reconnectSqlite(req.payload.db)
  if (fault) return { status: fault.status, response: { errors: [{ message: `${fault.what}. ${afterFault[fault.kind]}` }] } }
  const { status, data, name, message } = error as Error & { status?: number; data?: { errors?: unknown } }
  if ((!status || status === 500) && (brokenForm.test(message) || (error instanceof SyntaxError && /JSON/.test(message)))) {
    const what =
      error instanceof SyntaxError
        ? `its document fields (_payload) are not valid JSON: ${message}`
        : message.startsWith('Request is not eligible')
          ? 'its Content-Type gives no usable boundary (plain ASCII, as browsers send it)'
          : message
    return { status: 400, response: { errors: [{ message: `The request is not a well-formed form upload (multipart/form-data): ${what}.` }] } }
  }
  if (!status || status >= 500) return
  const notHers = status === 403 ? outsideHerLanguages(req, collection) : undefined
  if (notHers) return { response: { ...result, errors: [{ message: notHers }] } }
  if (Array.isArray(data?.errors) && !result.errors.some((e) => e.data)) return { response: { ...result, errors: [{ name, data, message }] } }
  if (result.errors.length === 1 && result.errors[0]!.message === 'An unknown error occurred.' && message) return { response: { ...result, errors: [{ message }] } }
}
