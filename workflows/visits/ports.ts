/** Ports and settings of R5 visits and post-visit reports, R7 start and end of engagements; filled in by its issue. */

// Empty until the issue that owns it adds settings.
export interface VisitsSettings {}

// Empty until the issue that owns it adds repositories.
export interface VisitsRepos {}
