/** Tables of the approvals workflow (see db/schema.ts for the conventions). */
// Empty until the issue that owns it adds tables.
export interface ApprovalTables {}
