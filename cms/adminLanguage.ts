/**
 * Our own messages to the admin's people, in the language the admin speaks to them (Payload's
 * i18n for the request: her account's choice, else her browser's); English for API clients that
 * name none, as Payload's own messages (cms/config.ts, fallbackLanguage).
 */
import type { PayloadRequest } from 'payload'

export const inAdminLanguage = (req: PayloadRequest, text: { da: string; en: string }): string => (req.i18n?.language === 'da' ? text.da : text.en)
