import { APIError } from 'payload'

/**
 * A refused upload, with a message for the person uploading. Named explicitly: in the admin's
 * minified build an error class has no name of its own and is not Payload's APIError copy, and
 * Payload's error formatter then replaces the message with "An unknown error occurred".
 */
export class UploadRefused extends APIError<Record<string, unknown>> {
  constructor(message: string, status: number, data: Record<string, unknown>) {
    super(message, status, data, true)
    this.name = 'UploadRefused'
  }
}
