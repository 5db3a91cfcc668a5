import { APIError } from 'payload'

/**
 * A refusal with a message for the person who tried (an upload of the wrong kind, a translator
 * publishing every language). Named explicitly: in the admin's minified build an error class has
 * no name of its own and is not Payload's APIError copy, and Payload's error formatter then
 * replaces the message with "An unknown error occurred".
 */
export class Refused extends APIError<Record<string, unknown>> {
  constructor(message: string, status: number, data: Record<string, unknown> = {}) {
    super(message, status, data, true)
    this.name = 'Refused'
  }
}
