/** Ports and settings of R3 board approval and R4 who decides what; filled in by its issue. */

// Empty until the issue that owns it adds settings.
export interface GovernanceSettings {}

// Empty until the issue that owns it adds repositories.
export interface GovernanceRepos {}
