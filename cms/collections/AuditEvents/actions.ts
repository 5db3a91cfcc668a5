/** What the audit log records (cms/collections/AuditEvents). */
export const auditActions = ['create', 'update', 'publish', 'unpublish', 'restore', 'delete', 'access'] as const
export type AuditAction = (typeof auditActions)[number]
