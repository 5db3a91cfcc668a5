/** What the audit log records (cms/collections/AuditEvents). */
export const auditActions = ['create', 'update', 'publish', 'unpublish', 'restore', 'delete', 'access', 'export'] as const
export type AuditAction = (typeof auditActions)[number]
