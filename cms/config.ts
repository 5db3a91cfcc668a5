/**
 * Builds the Payload configuration. `payload.config.ts` uses it with settings from the
 * environment; tests call it with their own database.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { ensurePrivateDir } from './private-files.ts'
import path from 'node:path'
import { buildConfig, type CollectionConfig, type SanitizedConfig } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { da } from '@payloadcms/translations/languages/da'
import { en } from '@payloadcms/translations/languages/en'
import sharp from 'sharp'
import { locales, sourceLocale } from '../locales/registry.ts'
import { Activities } from './collections/Activities/index.ts'
import { AuditEvents } from './collections/AuditEvents/index.ts'
import { Films } from './collections/Films/index.ts'
import { Guides } from './collections/Guides/index.ts'
import { HealthVisitors } from './collections/HealthVisitors/index.ts'
import { Leaflets } from './collections/Leaflets/index.ts'
import { Media } from './collections/Media/index.ts'
import { Municipalities } from './collections/Municipalities/index.ts'
import { Programmes } from './collections/Programmes/index.ts'
import { Users } from './collections/Users/index.ts'
import { Videos } from './collections/Videos/index.ts'
import { PublishRecord } from './globals/PublishRecord.ts'
import { storagePlugin } from './storage.ts'
import { largestUploadLimit, tooLargeMessage, uploadLimitOf } from './collections/limitFileSize.ts'
import { adminOriginsFromEnv } from './admin-origins.ts'
import { databaseAdapter, type DatabaseOptions } from './database.ts'
import { requiredInSourceOnly } from './fields/requiredInSource.ts'
import { recordProvenance } from './hooks/recordProvenance.ts'
import { ignoreDraftsForPublic, onlyPublishedLocalesForPublic } from './hooks/publicSeesPublished.ts'
import { guardTranslatorWrites } from './hooks/guardTranslatorWrites.ts'
import { refuseMalformedRequests } from './hooks/refuseMalformedRequests.ts'
import { referencesExist } from './hooks/referencesExist.ts'
import { explainRefusals } from './hooks/explainRefusals.ts'
import { matchContentSchema } from './hooks/matchContentSchema.ts'
import { noteLiveBeforeChange, recordAuditAfterChange, recordAuditAfterDelete } from './hooks/recordAudit.ts'
import { requestPublishAfterChange, requestPublishAfterDelete } from './publish/requestPublish.ts'
import { hasOwnPage, previewUrl } from './preview/paths.ts'
import { dataDir as defaultDataDir, repoRoot } from './paths.ts'
import { referrals } from './collections/Referrals/index.ts'
import { keyRing } from './privacy/keys.ts'
import { menuLocales } from './access/herLanguages.ts'
import { withSourceBeside } from './fields/sourceBeside.ts'
import { scheduleRetention } from './collections/Referrals/retention.ts'
import { emailAdapter } from './email.ts'
import { languageLabel } from './adminLanguage.ts'
import { inBothLanguages } from './adminLabels.ts'

export interface CmsOptions {
  database?: DatabaseOptions
  /** Where uploads are stored; defaults to data/. */
  dataDir?: string
  secret?: string
  /** Upload size limits in bytes per collection slug, instead of the collections' own (tests). */
  maxFileBytes?: Partial<Record<string, number>>
  /** The origins whose requests may use the login cookie; by default from the environment (cms/admin-origins.ts). */
  adminOrigins?: string[]
}

/**
 * PAYLOAD_SECRET signs logins. Without one, a random secret is made once and kept in the data
 * folder (gitignored), so a local install is safe by default and logins survive restarts.
 */
export function cmsSecret(explicit?: string, dataDir = defaultDataDir): string {
  const secret = explicit ?? process.env.PAYLOAD_SECRET
  if (secret) return secret
  const file = path.join(dataDir, 'payload-secret')
  if (!existsSync(file)) {
    ensurePrivateDir(dataDir)
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' })
  }
  return readFileSync(file, 'utf8').trim()
}

const hasProvenance = (c: CollectionConfig) => c.fields.some((f) => 'name' in f && f.name === 'sourceHashes')

/** Every change to a person's account is in the audit log. */
const audited = (collection: CollectionConfig): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  return { ...collection, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), recordAuditAfterChange], afterDelete: [...(hooks.afterDelete ?? []), recordAuditAfterDelete] } }
}

/** Every collection: requests Payload would misread are refused (an unknown language, a body that is no object, a link to nothing, versions it has not). */
const wellFormed = (collection: CollectionConfig): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  // Payload routes /versions for every collection; without versions its default access let any
  // signed-in person ask, and the missing table answered 500.
  const access = collection.versions ? collection.access : { ...collection.access, readVersions: () => false }
  return { ...collection, access, hooks: { ...hooks, beforeOperation: [refuseMalformedRequests, ...(hooks.beforeOperation ?? [])], beforeChange: [referencesExist, ...(hooks.beforeChange ?? [])] } }
}

const contentCollection = (collection: CollectionConfig): CollectionConfig => {
  if (collection.slug === AuditEvents.slug) return collection
  // Not content: never exported, published or translated; changes are logged (never their text).
  if ([Users.slug, HealthVisitors.slug, 'referrals'].includes(collection.slug)) return audited(collection)
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    admin: hasOwnPage(collection.slug) ? { ...collection.admin, preview: (doc, { locale }) => previewUrl(collection.slug, doc, locale) } : collection.admin,
    fields: withSourceBeside(requiredInSourceOnly(collection.fields)),
    hooks: {
      ...hooks,
      ...(collection.versions ? { beforeOperation: [...(hooks.beforeOperation ?? []), ignoreDraftsForPublic], afterRead: [...(hooks.afterRead ?? []), onlyPublishedLocalesForPublic] } : {}),
      beforeChange: [...(hooks.beforeChange ?? []), guardTranslatorWrites, ...(hasProvenance(collection) ? [recordProvenance] : []), matchContentSchema, noteLiveBeforeChange],
      afterChange: [...(hooks.afterChange ?? []), recordAuditAfterChange, requestPublishAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), recordAuditAfterDelete, requestPublishAfterDelete],
    },
  }
}

const withStaticDir = (collection: CollectionConfig, dataDir: string): CollectionConfig =>
  collection.upload && typeof collection.upload === 'object' ? { ...collection, upload: { ...collection.upload, staticDir: path.join(dataDir, collection.slug) } } : collection

const withUploadLimit = (collection: CollectionConfig, maxFileBytes: number | undefined): CollectionConfig => {
  const limit = uploadLimitOf(collection)
  return limit && maxFileBytes !== undefined ? { ...collection, custom: { ...collection.custom, uploadLimit: { ...limit, maxFileBytes } } } : collection
}

export const allCollections = [Users, HealthVisitors, Media, Videos, Programmes, Municipalities, Activities, Guides, Films, Leaflets, AuditEvents]

/** The collections whose files are kept under the data folder, one folder each (data/<slug>/). */
export const uploadSlugs = allCollections.filter((c) => c.upload).map((c) => c.slug)

export function createConfig(opts: CmsOptions = {}): Promise<SanitizedConfig> {
  const dataDir = opts.dataDir ?? defaultDataDir
  const collections = [...allCollections.map((c) => withUploadLimit(withStaticDir(c, dataDir), opts.maxFileBytes?.[c.slug])), referrals(keyRing(dataDir))].map(inBothLanguages)
  // The multipart parser has one limit for every collection: the largest, so no video is cut
  // off; each collection's own limit is then enforced by its limitFileSize hook.
  const largest = largestUploadLimit(collections)
  return buildConfig({
    secret: cmsSecret(opts.secret, dataDir),
    serverURL: process.env.CMS_PUBLIC_URL ?? '',
    // Requests from any other origin (the site, the preview, another port) are anonymous.
    csrf: opts.adminOrigins ?? adminOriginsFromEnv(),
    hooks: { afterError: [explainRefusals] },
    email: emailAdapter(),
    // The admin speaks Danish to a browser that asks for Danish (its staff's do), English to one
    // that asks for English, and either as each person chooses in her account. English is the
    // fallback: the Local API, scripts and API clients that name no language get the messages
    // their callers (and the logs) have always read.
    i18n: { supportedLanguages: { da, en }, fallbackLanguage: 'en' },
    onInit: (payload) => scheduleRetention(payload),
    admin: {
      user: Users.slug,
      meta: { titleSuffix: ' · Modersmål' },
      // Payload's default asks gravatar.com for each person's picture, with a hash of her e-mail
      // address: the admin, like the site, asks no other host.
      avatar: 'default',
      components: {
        afterNavLinks: ['/components/TranslationsNavLink#TranslationsNavLink', '/components/PublishStatus#PublishStatus'],
        beforeDashboard: ['/components/OverdueReferrals#OverdueReferrals'],
        views: {
          translations: { Component: '/components/TranslationDashboard#TranslationDashboard', path: '/translations', exact: true },
          myTranslations: { Component: '/components/MyTranslations#MyTranslations', path: '/translations/mine', exact: true },
        },
      },
      importMap: { baseDir: path.join(repoRoot, 'cms'), importMapFile: path.join(repoRoot, 'cms', 'app', '(payload)', 'admin', 'importMap.js') },
    },
    collections: collections.map((c) => wellFormed(contentCollection(c))),
    globals: [PublishRecord],
    editor: lexicalEditor(),
    db: databaseAdapter(opts.database),
    localization: {
      locales: locales.map((l) => ({ code: l.code, label: languageLabel(l), rtl: l.dir === 'rtl' })),
      defaultLocale: sourceLocale,
      // The admin shows the Danish source where a translation is missing; exports ask with
      // fallbackLocale: false so fallback text is never written as a translation.
      fallback: true,
      // The admin's main button publishes the language being edited ("Publish in …"); publishing
      // every language is the extra choice (and refused for translators).
      defaultLocalePublishOption: 'active',
      // A translator's menu: her languages and Danish (cms/access/herLanguages.ts).
      filterAvailableLocales: ({ req, locales }) => menuLocales(req, locales),
    },
    // Per-locale publishing (see cms/collections/options.ts); the migration localized_status moved
    // `_status` into the locales tables.
    experimental: { localizeStatus: true },
    upload: {
      limits: { fileSize: largest.maxFileBytes },
      // The whole request (file and form fields) may be a little larger than the file; Payload's default is 50 MB.
      requestSizeLimit: largest.maxFileBytes + 1024 * 1024,
      responseOnLimit: tooLargeMessage(largest),
    },
    sharp,
    // Uploads in an S3 bucket when S3_BUCKET is set (several admin servers); else under data/.
    plugins: [storagePlugin()],
    graphQL: { disable: true },
    telemetry: false,
    typescript: { outputFile: path.join(repoRoot, 'cms', 'payload-types.ts'), autoGenerate: false },
  })
}
