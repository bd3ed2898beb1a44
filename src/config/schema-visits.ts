import { z } from 'zod';

/** Configuration of R5 visits and post-visit reports, R7 start and end of engagements; filled in by its issue. */
export const visitsConfigSchema = z.object({}).strict().default({});

export type VisitsConfig = z.infer<typeof visitsConfigSchema>;
