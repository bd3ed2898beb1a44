/** Ports and settings of R6 annual reporting, R8 term of office, R9 calendar and public feed; filled in by its issue. */

// Empty until the issue that owns it adds settings.
export interface ReportingSettings {}

// Empty until the issue that owns it adds repositories.
export interface ReportingRepos {}
