/**
 * The single home of staff roles and the access rules built from them. Collections import these
 * functions; no collection inspects `user.role` on its own.
 */
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'
import { sourceLocale } from '../../locales/registry.ts'

export const roles = ['admin', 'editor', 'translator', 'coordinator'] as const
export type Role = (typeof roles)[number]

export interface StaffUser {
  id: number | string
  collection?: string
  email?: string
  role?: Role | null
  translatorLocales?: string[] | null
  municipality?: number | string | { id: number | string } | null
}

export const staffOf = (req: PayloadRequest): StaffUser | null => {
  const user = req.user as StaffUser | null | undefined
  return user && user.collection === 'users' ? user : null
}

/** A health visitor (cms/collections/HealthVisitors/): not staff, and no role of the admin. */
export interface HealthVisitorUser {
  id: number | string
  collection: 'health-visitors'
  municipalities?: Array<number | string | { id: number | string }> | null
}

export const healthVisitorOf = (req: PayloadRequest): HealthVisitorUser | null => {
  const user = req.user as { collection?: string } | null | undefined
  return user?.collection === 'health-visitors' ? (user as HealthVisitorUser) : null
}

/** The municipalities a health visitor refers for. */
export const municipalitiesOf = (hv: HealthVisitorUser): Array<number | string> => (hv.municipalities ?? []).map((m) => (typeof m === 'object' ? m.id : m))

const hasRole = (req: PayloadRequest, ...allowed: Role[]) => {
  const role = staffOf(req)?.role
  return !!role && allowed.includes(role)
}

export const isAdmin: Access = ({ req }) => hasRole(req, 'admin')
export const isEditor: Access = ({ req }) => hasRole(req, 'admin', 'editor')
export const isAdminField: FieldAccess = ({ req }) => hasRole(req, 'admin')
/**
 * Uploads (pictures, film originals): staff only. The public site serves its own copies from the
 * build (sized, stripped, under hashed names), so the API need not show anyone an unpublished or
 * unused file.
 */
export const isStaff: Access = ({ req }) => !!staffOf(req)

/** Anyone signed in sees drafts; the public sees published documents only. */
export const publishedOrStaff: Access = ({ req }) => {
  if (staffOf(req)) return true
  return { _status: { equals: 'published' } } satisfies Where
}

/** May this translator write in the request's locale? Never in the Danish source. */
export const translatorMayWrite = (req: PayloadRequest): boolean => {
  const user = staffOf(req)
  if (user?.role !== 'translator') return false
  const locale = req.locale
  return !!locale && locale !== sourceLocale && (user.translatorLocales ?? []).includes(locale)
}

export const municipalityIdOf = (user: StaffUser | null): number | string | null => {
  const m = user?.municipality
  if (m === null || m === undefined) return null
  return typeof m === 'object' ? m.id : m
}

/** Content written by editors and translated by translators (activities, guides, films, …). */
export const contentAccess = {
  read: publishedOrStaff,
  create: isEditor,
  delete: isEditor,
  update: ({ req }) => hasRole(req, 'admin', 'editor') || translatorMayWrite(req),
  readVersions: isStaff,
} satisfies Record<string, Access>

/** Municipalities: as content, and a coordinator may update her own municipality only. */
export const municipalityAccess = {
  ...contentAccess,
  update: ({ req }) => {
    if (hasRole(req, 'admin', 'editor') || translatorMayWrite(req)) return true
    const user = staffOf(req)
    if (user?.role === 'coordinator') {
      const id = municipalityIdOf(user)
      return id === null ? false : ({ id: { equals: id } } satisfies Where)
    }
    return false
  },
} satisfies Record<string, Access>

/**
 * Referrals (a mother's name and phone): the programme's admins, and the coordinators of the
 * referral's municipality, who share its inbox. Nobody else, not even to see that one exists.
 */
const adminOrOwnMunicipality: Access = ({ req }) => {
  const user = staffOf(req)
  if (user?.role === 'admin') return true
  if (user?.role !== 'coordinator') return false
  const id = municipalityIdOf(user)
  return id === null ? false : ({ municipality: { equals: id } } satisfies Where)
}

/**
 * A health visitor sees the referrals she made, and of them only what she needs to follow up
 * (referralPersonalData hides the rest); she creates referrals for her municipalities.
 */
export const referralAccess = {
  read: (args) => {
    const hv = healthVisitorOf(args.req)
    return hv ? ({ referredBy: { equals: hv.id } } satisfies Where) : adminOrOwnMunicipality(args)
  },
  update: adminOrOwnMunicipality,
  delete: adminOrOwnMunicipality,
  create: ({ req }) => hasRole(req, 'admin', 'coordinator') || !!healthVisitorOf(req),
} satisfies Record<string, Access>

/** Her name, phone and notes: for her municipality's inbox, not for the health visitor afterwards. */
export const referralPersonalData: FieldAccess = ({ req }) => !healthVisitorOf(req)

/**
 * Health visitors' accounts: the admins, and the coordinators of their municipalities, who add
 * them; a health visitor reads and updates her own (her name, her password).
 */
const adminCoordinatorOrSelf: Access = ({ req }) => {
  const hv = healthVisitorOf(req)
  if (hv) return { id: { equals: hv.id } } as Where
  const user = staffOf(req)
  if (user?.role === 'admin') return true
  if (user?.role !== 'coordinator') return false
  const id = municipalityIdOf(user)
  return id === null ? false : ({ municipalities: { in: [id] } } as Where)
}

export const healthVisitorAccess = {
  read: adminCoordinatorOrSelf,
  update: adminCoordinatorOrSelf,
  delete: ({ req }) => (healthVisitorOf(req) ? false : adminCoordinatorOrSelf({ req })),
  create: ({ req }) => hasRole(req, 'admin', 'coordinator'),
  // Her way in is the referral form, never the admin.
  admin: () => false,
  unlock: isAdmin,
} satisfies Record<string, Access>
