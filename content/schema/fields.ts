/** The building blocks of the content schema: slugs, dates, texts per language, Markdown, ranges. */
import { z } from 'zod'
import { localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import { markdownLinkProblems } from './links.ts'

/** A review claim names the day and who checked: one without the other claims too much or too little. */
export const reviewBothMessage = 'a review needs both the day it was checked (lastReviewed) and who checked it (reviewerRole); leave both out while nobody has checked the text'

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens (a-z, 0-9, -)')
  .max(80)

/** Permanent short code printed in QR codes: upper-case alphanumerics keep the QR version small. */
export const shortCode = z.string().regex(/^[A-Z0-9]{2,8}$/, 'must be 2-8 upper-case letters or digits')

export const nonEmpty = z.string().trim().min(1, 'must not be empty')

export type Localized<T> = Partial<Record<LocaleCode, T>>

/** Whether a schema field holds one value per locale (it carries `meta({ localized: true })`). */
export function isLocalizedSchema(schema: z.ZodType): boolean {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
  return inner.meta()?.localized === true
}

/**
 * A value per locale. A locale without a translation is absent (never filled with fallback text).
 * Danish, the source, is required unless the whole field is optional.
 */
export function localized<T extends z.ZodType>(value: T, opts: { sourceRequired?: boolean } = {}) {
  const sourceRequired = opts.sourceRequired ?? true
  return z
    .record(z.string(), value)
    .superRefine((map, ctx) => {
      for (const key of Object.keys(map)) {
        if (!(localeCodes as string[]).includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `unknown locale "${key}" (known: ${localeCodes.join(', ')})`,
          })
        }
      }
      if (sourceRequired && map[sourceLocale] === undefined) {
        ctx.addIssue({ code: 'custom', path: [sourceLocale], message: 'the Danish source text is required' })
      }
    })
    .meta({ localized: true }) as unknown as z.ZodType<Localized<z.output<T>>>
}

export const localizedText = (opts?: { sourceRequired?: boolean }) => localized(nonEmpty, opts)

/** Markdown whose links and images pass the link rule (./links.ts). */
export const markdown = nonEmpty.superRefine((text, ctx) => {
  for (const message of markdownLinkProblems(text)) ctx.addIssue({ code: 'custom', message })
})
export const localizedList = (opts?: { sourceRequired?: boolean }) => localized(z.array(nonEmpty).min(1, 'must list at least one item'), opts)

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM (24-hour)')
export const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })

export const range = (min: number, max: number, unit: string) =>
  z.strictObject({ min: z.int().min(min).max(max), max: z.int().min(min).max(max) }).refine((r) => r.min <= r.max, { message: `min must not exceed max (${unit})` })
