import type { GlobalConfig } from 'payload'
import { isStaff } from '../access/roles.ts'

/**
 * The last publish that replaced the live site and the last that failed, kept in the database so
 * that every admin server shows the same (cms/components/PublishStatus.tsx), whichever of them
 * published. Written by the publish worker only (scripts/publish-once.ts); nobody edits it.
 */
export const PublishRecord: GlobalConfig = {
  slug: 'publish-record',
  admin: { hidden: true },
  access: { read: isStaff, update: () => false },
  fields: [
    { name: 'lastSuccess', type: 'json' },
    { name: 'lastError', type: 'json' },
  ],
}
